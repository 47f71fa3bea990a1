package meanfield.solvers.topo;

import meanfield.solvers.RunRecord;
import meanfield.solvers.run.RecordedRun;

/**
 * What a TOPO run produced, in memory, at the output times reached: the node mass densities
 * f_k(x), rho(x) and the velocity marginal h_k, with the run's diagnostics.
 */
public final class TopoSolution extends RunRecord {
    private final int dimension;
    private final double[][] velocities;

    public TopoSolution(int dimension, double[][] velocities, RecordedRun run) {
        super(run);
        this.dimension = dimension;
        this.velocities = velocities;
    }

    public int dimension() {
        return dimension;
    }

    /**
     * Where values are given along each axis: cell centres (finite volumes) or collocation
     * nodes j/n (spectral). Points are indexed [x, y, z], last fastest.
     */
    public double[] axis() {
        return result().layout().axis("x").values().clone();
    }

    /** Points per axis. */
    public int perDimension() {
        return result().layout().axis("x").length();
    }

    public double[][] velocities() {
        return velocities;
    }

    /** f_k at the output, point-major: [point * nvel + k]. */
    public double[] density(int output) {
        return result().get("density", output);
    }

    public double[] rho(int output) {
        return result().get("rho", output);
    }

    /** h_k = int f_k dx at the output; sums to 1. */
    public double[] velocityMarginal(int output) {
        return result().get("velocity_marginal", output);
    }
}
