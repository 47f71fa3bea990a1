package meanfield.solvers.nif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import meanfield.grids.UniformGrid;

/**
 * What a NIF run produced, in memory: f and r(t, xi) at the output times reached, and the
 * run's diagnostics. A run stopped by a numerical failure keeps everything up to it.
 */
public final class NifSolution {
    private final UniformGrid v;
    private final UniformGrid labels;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> rates = new ArrayList<>();
    private final List<double[]> densities = new ArrayList<>();
    private double massErrorMax;
    private double minDensity = Double.POSITIVE_INFINITY;
    private double boundaryMassMax;
    private int steps;
    private int rejectedSteps;
    private String failure;

    NifSolution(UniformGrid v, UniformGrid labels) {
        this.v = v;
        this.labels = labels;
    }

    void addOutput(double t, double[] rate, double[] density) {
        times.add(t);
        rates.add(rate);
        densities.add(density);
    }

    void record(double massError, double min, double boundaryMass) {
        massErrorMax = Math.max(massErrorMax, massError);
        minDensity = Math.min(minDensity, min);
        boundaryMassMax = Math.max(boundaryMassMax, boundaryMass);
    }

    void finish(int accepted, int rejected, String failureMessage) {
        this.steps = accepted;
        this.rejectedSteps = rejected;
        this.failure = failureMessage;
    }

    public UniformGrid vGrid() {
        return v;
    }

    public UniformGrid labelGrid() {
        return labels;
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

    /** r(t_output, xi_l) for every label. */
    public double[] rate(int output) {
        return rates.get(output);
    }

    /** f(t_output) as cell averages, label-major: [label * nv + k]. */
    public double[] density(int output) {
        return densities.get(output);
    }

    /** max over steps and labels of |mass - 1|. */
    public double massErrorMax() {
        return massErrorMax;
    }

    /** min over steps, labels and cells of f. */
    public double minDensity() {
        return minDensity;
    }

    /** max over steps and labels of the mass in the outermost cells: a truncation diagnostic. */
    public double boundaryMassMax() {
        return boundaryMassMax;
    }

    public int steps() {
        return steps;
    }

    public int rejectedSteps() {
        return rejectedSteps;
    }

    /** Why the run stopped early, if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
