package meanfield.solvers;

import java.util.Optional;

import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.run.RecordedRun;

/**
 * A solution kept in memory, read through typed accessors: the output times reached, the
 * diagnostics over all steps (mass error, minimum density), the steps taken and why it stopped
 * early, if it did. A run stopped by a numerical failure keeps everything up to it.
 */
public abstract class RunRecord {
    private final RecordedRun run;

    protected RunRecord(RecordedRun run) {
        this.run = run;
    }

    protected RecordedResult result() {
        return run.result();
    }

    protected double summaryValue(String key) {
        Object value = run.outcome().summary().get(key);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    public int outputCount() {
        return run.result().outputCount();
    }

    public double time(int output) {
        return run.result().time(output);
    }

    public double[] times() {
        return run.result().times();
    }

    /** max over steps of |mass - 1| (per label for nif, in total otherwise). */
    public double massErrorMax() {
        return summaryValue("mass_error_max");
    }

    /** min over steps and points of the density. */
    public double minDensity() {
        return summaryValue("min_density");
    }

    public int steps() {
        return (int) run.outcome().steps();
    }

    public int rejectedSteps() {
        return (int) run.outcome().rejectedSteps();
    }

    /** Why the run stopped early, if it did. */
    public Optional<String> failure() {
        return run.outcome().failure();
    }
}
