package meanfield.solvers.time;

import java.util.Arrays;

/**
 * The coefficients of an explicit Runge–Kutta method. Stage i evaluates the slope k_i at
 * t + c_i h and y + h sum_{j<i} a_ij k_j; the step is y + h sum_i b_i k_i and, if {@code bHat} is
 * not null, y + h sum_i bHat_i k_i is a solution of lower order whose distance from the step
 * estimates the local error.
 * <p>
 * {@code a} holds the strict lower triangle only: row i has i entries, row 0 none, so a tableau
 * is explicit by construction. The arrays are copied in and out, so a tableau is immutable.
 */
public record ButcherTableau(double[][] a, double[] b, double[] c, double[] bHat) {
    /** Coefficients are decimal approximations of fractions: sums hold to a few ulps of their terms. */
    private static final double TOLERANCE = 1e-14;

    public ButcherTableau {
        int stages = b.length;
        if (stages == 0 || a.length != stages || c.length != stages || (bHat != null && bHat.length != stages)) {
            throw new IllegalArgumentException("a tableau of " + stages + " weights needs " + stages
                    + " rows of a and abscissas" + (bHat != null ? " and embedded weights" : "") + ", got "
                    + a.length + " rows, " + c.length + " abscissas" + (bHat != null ? ", " + bHat.length
                    + " embedded weights" : ""));
        }
        if (c[0] != 0.0) {
            throw new IllegalArgumentException("the first stage of an explicit method is at t: c_0 must be 0, got " + c[0]);
        }
        double[][] rows = new double[stages][];
        for (int i = 0; i < stages; i++) {
            if (a[i].length != i) {
                throw new IllegalArgumentException("row " + i + " of a must hold the " + i
                        + " coefficients left of the diagonal, got " + a[i].length);
            }
            rows[i] = a[i].clone();
            double sum = sum(rows[i]);
            if (!(Math.abs(sum - c[i]) <= TOLERANCE)) {
                throw new IllegalArgumentException("row " + i + " of a sums to " + sum + ", not to c_" + i
                        + " = " + c[i]);
            }
        }
        requireConsistent("b", b);
        if (bHat != null) {
            requireConsistent("bHat", bHat);
        }
        a = rows;
        b = b.clone();
        c = c.clone();
        bHat = bHat == null ? null : bHat.clone();
    }

    /** A tableau without an embedded error estimate. */
    public ButcherTableau(double[][] a, double[] b, double[] c) {
        this(a, b, c, null);
    }

    private static void requireConsistent(String name, double[] weights) {
        double sum = sum(weights);
        if (!(Math.abs(sum - 1.0) <= TOLERANCE)) {
            throw new IllegalArgumentException("the weights " + name + " sum to " + sum + ", not to 1");
        }
    }

    private static double sum(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    public int stages() {
        return b.length;
    }

    public boolean embedded() {
        return bHat != null;
    }

    /** Whether c never decreases from one stage to the next. */
    public boolean abscissasNonDecreasing() {
        for (int i = 1; i < c.length; i++) {
            if (c[i] < c[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the last stage is the step itself (b is the last row of a, as in Dormand–Prince):
     * an engine then forms that combination once instead of twice.
     */
    public boolean lastStageIsStep() {
        int last = b.length - 1;
        if (b[last] != 0.0) {
            return false;
        }
        for (int j = 0; j < last; j++) {
            if (a[last][j] != b[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[][] a() {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] c() {
        return c.clone();
    }

    /** The embedded weights, or null if the tableau has none. */
    @Override
    public double[] bHat() {
        return bHat == null ? null : bHat.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ButcherTableau t && Arrays.deepEquals(a, t.a) && Arrays.equals(b, t.b)
                && Arrays.equals(c, t.c) && Arrays.equals(bHat, t.bHat);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(a) * 31 * 31 * 31 + Arrays.hashCode(b) * 31 * 31 + Arrays.hashCode(c) * 31
                + Arrays.hashCode(bHat);
    }

    @Override
    public String toString() {
        return "ButcherTableau[a=" + Arrays.deepToString(a) + ", b=" + Arrays.toString(b) + ", c="
                + Arrays.toString(c) + (bHat != null ? ", bHat=" + Arrays.toString(bHat) : "") + "]";
    }
}
