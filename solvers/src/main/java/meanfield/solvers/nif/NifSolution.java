package meanfield.solvers.nif;

import java.util.ArrayList;
import java.util.List;

import meanfield.solvers.RunRecord;

import meanfield.grids.UniformGrid;

/**
 * What a NIF run produced, in memory: f and r(t, xi) at the output times reached, and the
 * run's diagnostics. A run stopped by a numerical failure keeps everything up to it.
 */
public final class NifSolution extends RunRecord {
    private final UniformGrid v;
    private final UniformGrid labels;
    private final List<double[]> rates = new ArrayList<>();
    private final List<double[]> densities = new ArrayList<>();
    private double boundaryMassMax;
    private int rejectedSteps;

    NifSolution(UniformGrid v, UniformGrid labels) {
        this.v = v;
        this.labels = labels;
    }

    void addOutput(double t, double[] rate, double[] density) {
        addTime(t);
        rates.add(rate);
        densities.add(density);
    }

    void record(double massError, double min, double boundaryMass) {
        record(massError, min);
        boundaryMassMax = Math.max(boundaryMassMax, boundaryMass);
    }

    void finish(int accepted, int rejected, String failureMessage) {
        finish(accepted, failureMessage);
        this.rejectedSteps = rejected;
    }

    public UniformGrid vGrid() {
        return v;
    }

    public UniformGrid labelGrid() {
        return labels;
    }

    /** r(t_output, xi_l) for every label. */
    public double[] rate(int output) {
        return rates.get(output);
    }

    /** f(t_output) as cell averages, label-major: [label * nv + k]. */
    public double[] density(int output) {
        return densities.get(output);
    }

    /** max over steps and labels of the mass in the outermost cells: a truncation diagnostic. */
    public double boundaryMassMax() {
        return boundaryMassMax;
    }

    public int rejectedSteps() {
        return rejectedSteps;
    }

}
