package meanfield.app;

/**
 * Thrown by the progress callback inside a solver's or a simulator's loop once a stop was asked
 * for (SIGTERM or Ctrl-C): it leaves the loop at the step just taken, and the run then closes its
 * files on the outputs reached. The numerics know nothing of it.
 */
final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param time the simulated time of the step just taken */
    RunStopped(double time) {
        super("stopped by a signal at t = " + time, null, false, false);
    }
}
