package meanfield.solvers.model;

/**
 * A drift affine in v, mu(t, v, xi) = slope(t, xi) v + intercept(t, xi) (the leaky integrate-and-fire
 * family, and user formulas found affine when parsed): a particle simulator can then tabulate both
 * coefficients per neuron once, when they do not depend on t, instead of evaluating mu per neuron and
 * step. {@link #value} stays the drift's own evaluation, so solvers see exactly the same numbers.
 */
public interface AffineDrift extends Drift {
    double slope(double t, double xi);

    double intercept(double t, double xi);

    /** The drift mu with its split, which the caller guarantees: mu(t, v, xi) = slope(t, xi) v + intercept(t, xi). */
    static AffineDrift of(Drift mu, Coefficient slope, Coefficient intercept) {
        return new AffineDrift() {
            @Override
            public double value(double t, double v, double xi) {
                return mu.value(t, v, xi);
            }

            @Override
            public boolean dependsOnTime() {
                return mu.dependsOnTime();
            }

            @Override
            public double slope(double t, double xi) {
                return slope.value(t, xi);
            }

            @Override
            public double intercept(double t, double xi) {
                return intercept.value(t, xi);
            }
        };
    }

    /** A coefficient c(t, xi). */
    @FunctionalInterface
    interface Coefficient {
        double value(double t, double xi);
    }
}
