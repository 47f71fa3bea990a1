package meanfield.solvers.time;

/** One step of a time integrator, as the {@link TimeLoop} drives it. */
public interface Stepper {
    /** Advances y from t by dt into out and returns a local error estimate (0 if it has none). */
    double step(double t, double dt, double[] y, double[] out);

    /** Where y first holds a non-finite value, in the system's own terms (for failure messages). */
    String locate(double[] y);
}
