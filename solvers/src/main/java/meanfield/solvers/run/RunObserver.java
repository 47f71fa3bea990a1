package meanfield.solvers.run;

import java.util.Map;

/**
 * Watches a run: sees the initial state and every accepted step with the physical fields, may
 * stop the run by throwing {@link meanfield.solvers.NumericalFailure}, and keeps what it found for
 * the run's summary. Whatever it accumulates is part of a checkpoint, so that a resumed run reports
 * the same summary as one that was never interrupted.
 */
public interface RunObserver {
    /**
     * @param fields the layout's time-dependent variables at t (read only; valid during the call)
     * @param output whether t is an output time
     */
    void observe(double t, double[] y, double[][] fields, boolean output);

    /** Adds this observer's findings to a run's summary. */
    default void summarize(Map<String, Object> summary) {
    }

    /** What the observer has accumulated, for a checkpoint. */
    default double[] state() {
        return new double[0];
    }

    default void restore(double[] state) {
    }
}
