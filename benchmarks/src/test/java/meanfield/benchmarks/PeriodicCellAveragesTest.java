package meanfield.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Cell averages of a trigonometric interpolant are its exact integrals; merged cells average their parts. */
class PeriodicCellAveragesTest {
    /** Two velocities: 1 + 0.3 cos(2 pi 3 x) - 0.2 sin(2 pi 5 x), and 0.5 cos(pi n x) (the Nyquist mode of n nodes). */
    private static double value(int k, double x, int n) {
        return k == 0 ? 1 + 0.3 * Math.cos(6 * Math.PI * x) - 0.2 * Math.sin(10 * Math.PI * x) : 0.5 * Math.cos(Math.PI * n * x);
    }

    /** The exact average of {@link #value} over [x0, x1]. */
    private static double average(int k, double x0, double x1, int n) {
        double integral = k == 0
                ? (x1 - x0) + 0.3 * (Math.sin(6 * Math.PI * x1) - Math.sin(6 * Math.PI * x0)) / (6 * Math.PI)
                        + 0.2 * (Math.cos(10 * Math.PI * x1) - Math.cos(10 * Math.PI * x0)) / (10 * Math.PI)
                : 0.5 * (Math.sin(Math.PI * n * x1) - Math.sin(Math.PI * n * x0)) / (Math.PI * n);
        return integral / (x1 - x0);
    }

    @Test
    void averagesOfTheInterpolantAreTheExactIntegralsOverEachCellIncludingTheNyquistMode() {
        int n = 16;
        int cells = 7;
        double[] nodal = new double[n * 2];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < 2; k++) {
                nodal[j * 2 + k] = value(k, (double) j / n, n);
            }
        }
        double[] expected = new double[cells * 2];
        for (int c = 0; c < cells; c++) {
            for (int k = 0; k < 2; k++) {
                expected[c * 2 + k] = average(k, (double) c / cells, (c + 1.0) / cells, n);
            }
        }
        assertArrayEquals(expected, PeriodicCellAverages.ofInterpolant(nodal, n, 2, cells), 1e-14);
    }

    @Test
    void mergedCellsHoldTheAverageOverTheirUnion() {
        int n = 12;
        int cells = 3;
        double[] fine = new double[n * 2];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                fine[i * 2 + k] = average(k, (double) i / n, (i + 1.0) / n, 8);
            }
        }
        double[] expected = new double[cells * 2];
        for (int c = 0; c < cells; c++) {
            for (int k = 0; k < 2; k++) {
                expected[c * 2 + k] = average(k, (double) c / cells, (c + 1.0) / cells, 8);
            }
        }
        assertArrayEquals(expected, PeriodicCellAverages.merged(fine, n, 2, cells), 1e-14);
    }
}
