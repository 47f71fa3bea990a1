package meanfield.benchmarks;

/**
 * Averages over equal cells of [0, 1) of the TOPO node densities f_k, point-major ([point * nvel + k]
 * as {@code TopoSolution.density} gives them), so that the spectral and the finite-volume solutions
 * of P2 are compared in one norm: the spectral solution's exactly (its trigonometric interpolant
 * integrated over each cell), the finite volumes' by merging their cells (their unknowns are
 * already cell averages).
 */
final class PeriodicCellAverages {
    private PeriodicCellAverages() {
    }

    /**
     * The averages over {@code cells} equal cells of the trigonometric interpolant of the values at
     * the n nodes j/n: f(x) = a_0 + sum_{0 < m < n/2} 2 (a_m cos 2 pi m x - b_m sin 2 pi m x)
     * + a_{n/2} cos(pi n x) for even n, with a_m + i b_m = (1/n) sum_j f_j e^{-2 pi i m j / n}. Over a
     * cell of width h centred at c, cos and sin of 2 pi m x average to their value at c times
     * sin(pi m h) / (pi m h). Direct sums, O(nvel n^2): for a benchmark's few comparisons, not a time step.
     */
    static double[] ofInterpolant(double[] nodal, int n, int nvel, int cells) {
        if (nodal.length != n * nvel) {
            throw new IllegalArgumentException(nodal.length + " values for " + n + " nodes x " + nvel + " velocities");
        }
        int modes = n / 2;
        double[] cosine = new double[n];
        double[] sine = new double[n];
        for (int j = 0; j < n; j++) {
            cosine[j] = Math.cos(2 * Math.PI * j / n);
            sine[j] = Math.sin(2 * Math.PI * j / n);
        }
        double h = 1.0 / cells;
        double[] out = new double[cells * nvel];
        double[] a = new double[modes + 1];
        double[] b = new double[modes + 1];
        for (int k = 0; k < nvel; k++) {
            for (int m = 0; m <= modes; m++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < n; j++) {
                    // e^{-2 pi i m j / n} with the angle reduced mod n, exact for every m and j.
                    int q = (int) ((long) m * j % n);
                    re += nodal[j * nvel + k] * cosine[q];
                    im -= nodal[j * nvel + k] * sine[q];
                }
                a[m] = re / n;
                b[m] = im / n;
            }
            for (int c = 0; c < cells; c++) {
                double centre = (c + 0.5) * h;
                double average = a[0];
                for (int m = 1; m <= modes; m++) {
                    // The Nyquist mode of an even n is a real cosine, counted once; the others twice (m and -m).
                    boolean nyquist = 2 * m == n;
                    double angle = 2 * Math.PI * m * centre;
                    double sinc = Math.sin(Math.PI * m * h) / (Math.PI * m * h);
                    double term = nyquist ? a[m] * Math.cos(angle) : 2 * (a[m] * Math.cos(angle) - b[m] * Math.sin(angle));
                    average += sinc * term;
                }
                out[c * nvel + k] = average;
            }
        }
        return out;
    }

    /** Cell averages on n cells merged into {@code cells} equal cells (n a multiple of cells). */
    static double[] merged(double[] averages, int n, int nvel, int cells) {
        if (n % cells != 0 || averages.length != n * nvel) {
            throw new IllegalArgumentException(n + " cells cannot be merged into " + cells);
        }
        int ratio = n / cells;
        double[] out = new double[cells * nvel];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nvel; k++) {
                out[(i / ratio) * nvel + k] += averages[i * nvel + k] / ratio;
            }
        }
        return out;
    }
}
