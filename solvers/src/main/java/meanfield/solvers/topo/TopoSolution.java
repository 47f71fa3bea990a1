package meanfield.solvers.topo;

import java.util.ArrayList;
import java.util.List;

import meanfield.solvers.RunRecord;

/**
 * What a TOPO run produced, in memory, at the output times reached: the node mass densities
 * f_k(x), rho(x) and the velocity marginal h_k, with the run's diagnostics.
 */
public final class TopoSolution extends RunRecord {
    private final int dimension;
    private final double[] axis;
    private final double[][] velocities;
    private final List<double[]> densities = new ArrayList<>();
    private final List<double[]> rhos = new ArrayList<>();
    private final List<double[]> marginals = new ArrayList<>();

    TopoSolution(int dimension, double[] axis, double[][] velocities) {
        this.dimension = dimension;
        this.axis = axis;
        this.velocities = velocities;
    }

    void addOutput(double t, double[] density, double[] rho, double[] marginal) {
        addTime(t);
        densities.add(density);
        rhos.add(rho);
        marginals.add(marginal);
    }

    public int dimension() {
        return dimension;
    }

    /**
     * Where values are given along each axis: cell centres (finite volumes) or collocation
     * nodes j/n (spectral). Points are indexed [x, y, z], last fastest.
     */
    public double[] axis() {
        return axis.clone();
    }

    /** Points per axis. */
    public int perDimension() {
        return axis.length;
    }

    public double[][] velocities() {
        return velocities;
    }

    /** f_k at the output, point-major: [point * nvel + k]. */
    public double[] density(int output) {
        return densities.get(output);
    }

    public double[] rho(int output) {
        return rhos.get(output);
    }

    /** h_k = int f_k dx at the output; sums to 1. */
    public double[] velocityMarginal(int output) {
        return marginals.get(output);
    }

}
