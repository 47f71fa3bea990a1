package meanfield.solvers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every run keeps besides its fields: the output times reached, the diagnostics over all
 * steps (mass error, minimum density), the steps taken and why it stopped early, if it did.
 * Solvers fill it as they go; a run stopped by a numerical failure keeps everything up to it.
 */
public abstract class RunRecord {
    private final List<Double> times = new ArrayList<>();
    private double massErrorMax;
    private double minDensity = Double.POSITIVE_INFINITY;
    private int steps;
    private String failure;

    protected void addTime(double t) {
        times.add(t);
    }

    /** Folds one step's diagnostics into the run's (called by solvers after each step). */
    public void record(double massError, double min) {
        massErrorMax = Math.max(massErrorMax, massError);
        minDensity = Math.min(minDensity, min);
    }

    /** Closes the record (called by solvers once). */
    public void finish(int stepsTaken, String failureMessage) {
        this.steps = stepsTaken;
        this.failure = failureMessage;
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

    /** max over steps of |mass - 1| (per label for nif, in total otherwise). */
    public double massErrorMax() {
        return massErrorMax;
    }

    /** min over steps and points of the density. */
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
