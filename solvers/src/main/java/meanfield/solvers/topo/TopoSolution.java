package meanfield.solvers.topo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a TOPO run produced, in memory, at the output times reached: the node mass densities
 * f_k(x), rho(x) and the velocity marginal h_k, with the run's diagnostics.
 */
public final class TopoSolution {
    private final int dimension;
    private final double[] axis;
    private final double[][] velocities;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> densities = new ArrayList<>();
    private final List<double[]> rhos = new ArrayList<>();
    private final List<double[]> marginals = new ArrayList<>();
    private double massErrorMax;
    private double minDensity = Double.POSITIVE_INFINITY;
    private int steps;
    private String failure;

    TopoSolution(int dimension, double[] axis, double[][] velocities) {
        this.dimension = dimension;
        this.axis = axis;
        this.velocities = velocities;
    }

    void addOutput(double t, double[] density, double[] rho, double[] marginal) {
        times.add(t);
        densities.add(density);
        rhos.add(rho);
        marginals.add(marginal);
    }

    void record(double massError, double min) {
        massErrorMax = Math.max(massErrorMax, massError);
        minDensity = Math.min(minDensity, min);
    }

    void finish(int accepted, String failureMessage) {
        this.steps = accepted;
        this.failure = failureMessage;
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

    public int outputCount() {
        return times.size();
    }

    public double time(int output) {
        return times.get(output);
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

    /** max over steps of |total mass - 1|. */
    public double massErrorMax() {
        return massErrorMax;
    }

    public double minDensity() {
        return minDensity;
    }

    public int steps() {
        return steps;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
