package meanfield.solvers.time;

/** Watches a run: called after the initial state and after every accepted step. */
@FunctionalInterface
public interface StepObserver {
    /**
     * @param t      the time reached
     * @param y      the state at t (read only; valid during the call)
     * @param output whether t is one of the requested output times
     */
    void observe(double t, double[] y, boolean output);
}
