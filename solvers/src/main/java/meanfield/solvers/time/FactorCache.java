package meanfield.solvers.time;

/**
 * The factors of e^{dt L} of a {@link DiagonalSplitSystem} for the last few step lengths: a Lawson
 * step asks for several lengths (c_i - c_j) h per step, and computing the factors (exponentials,
 * phases) costs more than applying them.
 */
public final class FactorCache {
    /** How factors for a step length are computed into an array. */
    @FunctionalInterface
    public interface Factors {
        void fill(double dt, double[] out);
    }

    private static final int SLOTS = 12;

    private final Factors factors;
    private final int length;
    private final double[] steps = new double[SLOTS];
    /** Allocated on first use: a scheme with one step length (Lawson RK4: h/2) holds one set. */
    private final double[][] values = new double[SLOTS][];
    private int next;

    public FactorCache(int length, Factors factors) {
        this.factors = factors;
        this.length = length;
        java.util.Arrays.fill(steps, Double.NaN);
    }

    /** The factors for dt, computed on first use and kept for the last {@value #SLOTS} lengths. */
    public double[] of(double dt) {
        for (int s = 0; s < SLOTS; s++) {
            if (steps[s] == dt) {
                return values[s];
            }
        }
        int slot = next;
        next = (next + 1) % SLOTS;
        if (values[slot] == null) {
            values[slot] = new double[length];
        }
        factors.fill(dt, values[slot]);
        steps[slot] = dt;
        return values[slot];
    }
}
