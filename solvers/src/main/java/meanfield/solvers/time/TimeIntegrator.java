package meanfield.solvers.time;

/**
 * One step of a time integrator on the system it was built for ({@link Scheme#build}). The
 * integrator owns its stage buffers, so it is built once per run and never allocates in a step.
 */
@FunctionalInterface
public interface TimeIntegrator {
    /**
     * Advances y from t by dt into out (out != y) and returns the local error estimate in the
     * system's error norm, or 0 for a method without one (its {@link Scheme#embeddedOrder()} is 0).
     */
    double step(double t, double dt, double[] y, double[] out);
}
