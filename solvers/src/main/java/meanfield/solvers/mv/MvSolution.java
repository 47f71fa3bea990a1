package meanfield.solvers.mv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import meanfield.grids.fourier.PeriodicGrid;

/**
 * What an MV run produced, in memory: rho = f at the grid nodes at the output times reached, and
 * the run's diagnostics. A run stopped by a numerical failure keeps everything up to it.
 */
public final class MvSolution {
    private final PeriodicGrid grid;
    private final double step;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> densities = new ArrayList<>();
    private double massErrorMax;
    private double minDensity = Double.POSITIVE_INFINITY;
    private int steps;
    private String failure;

    MvSolution(PeriodicGrid grid, double step) {
        this.grid = grid;
        this.step = step;
    }

    void addOutput(double t, double[] density) {
        times.add(t);
        densities.add(density);
    }

    void record(double massError, double min) {
        massErrorMax = Math.max(massErrorMax, massError);
        minDensity = Math.min(minDensity, min);
    }

    void finish(int stepsTaken, String failureMessage) {
        this.steps = stepsTaken;
        this.failure = failureMessage;
    }

    public PeriodicGrid grid() {
        return grid;
    }

    /** The largest time step used (fixed, or the CFL default). */
    public double step() {
        return step;
    }

    public int outputCount() {
        return times.size();
    }

    public double time(int output) {
        return times.get(output);
    }

    public double[] times() {
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** rho = f(t_output) at the nodes, row-major over [x, y, z] (see {@link PeriodicGrid}). */
    public double[] density(int output) {
        return densities.get(output);
    }

    /** max over steps of |mass - 1|, the mass being the mean of f over the nodes. */
    public double massErrorMax() {
        return massErrorMax;
    }

    /** min over steps and nodes of f. */
    public double minDensity() {
        return minDensity;
    }

    public int steps() {
        return steps;
    }

    /** Why the run stopped early, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
