package meanfield.solvers.model;

/** The spiking intensity nu(v) >= 0. Implementations must be safe to call from several threads. */
@FunctionalInterface
public interface FiringRate {
    FiringRate NONE = v -> 0.0;

    double value(double v);

    /** nu = lambda: the exactly solvable case of MODEL.md 1.3. */
    static FiringRate constant(double lambda) {
        return v -> lambda;
    }

    /** nu = max / (1 + exp(-(v - theta) / width)): bounded sigmoid escape noise. */
    static FiringRate sigmoid(double max, double theta, double width) {
        return v -> max / (1.0 + Math.exp(-(v - theta) / width));
    }

    /** nu = nu0 exp((v - theta) / width): exponential escape noise. */
    static FiringRate exponential(double nu0, double theta, double width) {
        return v -> nu0 * Math.exp((v - theta) / width);
    }
}
