package meanfield.solvers.nif;

/**
 * LU with partial pivoting of a small dense matrix, in place on a flat row-major array: the
 * per-label systems of the spectral solver (a few dozen unknowns), factored once per step and
 * solved several times, without the allocations of a general-purpose decomposition.
 */
final class DenseLu {
    private DenseLu() {
    }

    /**
     * Factors a (n x n, row-major) in place and fills pivots; returns false if a pivot is zero
     * (the matrix is singular to working precision).
     */
    static boolean factor(double[] a, int n, int[] pivots) {
        return factor(a, 0, n, pivots, 0);
    }

    /** {@link #factor(double[], int, int[])} on the block of a at offset, pivots at pivotOffset. */
    static boolean factor(double[] all, int offset, int n, int[] allPivots, int pivotOffset) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(all[offset + k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(all[offset + i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            allPivots[pivotOffset + k] = p;
            if (max == 0) {
                return false;
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double tmp = all[offset + k * n + j];
                    all[offset + k * n + j] = all[offset + p * n + j];
                    all[offset + p * n + j] = tmp;
                }
            }
            double inverse = 1 / all[offset + k * n + k];
            for (int i = k + 1; i < n; i++) {
                double m = all[offset + i * n + k] * inverse;
                all[offset + i * n + k] = m;
                if (m != 0) {
                    for (int j = k + 1; j < n; j++) {
                        all[offset + i * n + j] -= m * all[offset + k * n + j];
                    }
                }
            }
        }
        return true;
    }

    /** Solves in place: x holds the right-hand side on entry and the solution on exit. */
    static void solve(double[] lu, int n, int[] pivots, double[] x, int offset) {
        solve(lu, 0, n, pivots, 0, x, offset);
    }

    /** {@link #solve(double[], int, int[], double[], int)} with the factors of a block (see {@link #factor(double[], int, int, int[], int)}). */
    static void solve(double[] all, int luOffset, int n, int[] allPivots, int pivotOffset, double[] x, int offset) {
        for (int k = 0; k < n; k++) {
            int p = allPivots[pivotOffset + k];
            if (p != k) {
                double tmp = x[offset + k];
                x[offset + k] = x[offset + p];
                x[offset + p] = tmp;
            }
        }
        for (int i = 1; i < n; i++) {
            double sum = x[offset + i];
            for (int j = 0; j < i; j++) {
                sum -= all[luOffset + i * n + j] * x[offset + j];
            }
            x[offset + i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[offset + i];
            for (int j = i + 1; j < n; j++) {
                sum -= all[luOffset + i * n + j] * x[offset + j];
            }
            x[offset + i] = sum / all[luOffset + i * n + i];
        }
    }
}
