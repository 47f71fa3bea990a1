package meanfield.solvers.model;

/** The spiking intensity nu(v) >= 0. Implementations must be safe to call from several threads. */
@FunctionalInterface
public interface FiringRate {
    FiringRate NONE = bounded(v -> 0.0, 0.0);

    double value(double v);

    /**
     * An upper bound of nu over all v, +infinity when none is known (a formula). A particle simulator
     * with a finite bound decides spikes by thinning and evaluates nu only at the candidate steps.
     */
    default double supremum() {
        return Double.POSITIVE_INFINITY;
    }

    /** nu = lambda: the exactly solvable case of MODEL.md 1.3. */
    static FiringRate constant(double lambda) {
        return bounded(v -> lambda, lambda);
    }

    /** nu = max / (1 + exp(-(v - theta) / width)): bounded sigmoid escape noise. */
    static FiringRate sigmoid(double max, double theta, double width) {
        return bounded(v -> max / (1.0 + Math.exp(-(v - theta) / width)), max);
    }

    /** nu = nu0 exp((v - theta) / width): exponential escape noise. */
    static FiringRate exponential(double nu0, double theta, double width) {
        return v -> nu0 * Math.exp((v - theta) / width);
    }

    /** The rate nu with the bound nu(v) <= supremum for all v, which the caller guarantees. */
    static FiringRate bounded(FiringRate nu, double supremum) {
        if (!(supremum >= 0)) {
            throw new IllegalArgumentException("the bound of a firing rate must be >= 0, got " + supremum);
        }
        return new FiringRate() {
            @Override
            public double value(double v) {
                return nu.value(v);
            }

            @Override
            public double supremum() {
                return supremum;
            }
        };
    }
}
