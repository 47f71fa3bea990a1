package meanfield.validation.topo;

/**
 * Coordinates on the circle [0, 1), one axis of the torus: reduction, motion and the minimum-image
 * distance, written once so that the particle state, the cell grids and both rank queries compute
 * every position and key with the same floating-point operations (the rank query is exact only in
 * that order of keys).
 */
final class Torus {
    private Torus() {
    }

    /** z - floor(z) in [0, 1): the shift of a node at time t (z = -tiny would round to 1). */
    static double frac(double z) {
        double f = z - Math.floor(z);
        return f < 1 ? f : 0.0;
    }

    /**
     * A coordinate in [0, 2) reduced to [0, 1): p - 1 is exact for p in [1, 2), and a sum that
     * rounded up to 1 becomes 0, the same point of the torus. Math.floor is one instruction where a
     * comparison would be an unpredictable branch.
     */
    static double wrap(double p) {
        return p - Math.floor(p);
    }

    /** The co-moving coordinate y of a particle with velocity component v, seen at time t. */
    static double moved(double y, double v, double t) {
        return wrap(y + frac(v * t));
    }

    /** Minimum-image distance for a difference in (-1, 1). */
    static double torus(double difference) {
        double gap = Math.abs(difference);
        return gap > 0.5 ? 1 - gap : gap;
    }

    /**
     * Minimum-image distance between coordinates x and p in [0, 1); the same value as
     * min(|x - p|, 1 - |x - p|), without the sign and NaN cases of Math.min.
     */
    static double gap(double x, double p) {
        return torus(x - p);
    }
}
