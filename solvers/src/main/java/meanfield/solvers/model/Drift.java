package meanfield.solvers.model;

/** The drift mu(t, v, xi). Implementations must be safe to call from several threads. */
@FunctionalInterface
public interface Drift {
    double value(double t, double v, double xi);

    /** False lets a solver tabulate mu once instead of at every stage. */
    default boolean dependsOnTime() {
        return true;
    }

    /** A drift that does not depend on t. */
    static Drift autonomous(Autonomous mu) {
        return new Drift() {
            @Override
            public double value(double t, double v, double xi) {
                return mu.value(v, xi);
            }

            @Override
            public boolean dependsOnTime() {
                return false;
            }
        };
    }

    /** mu(v, xi). */
    @FunctionalInterface
    interface Autonomous {
        double value(double v, double xi);
    }
}
