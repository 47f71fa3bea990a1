package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TorusBinMassesTest {
    private static double[] centres(int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = (j + 0.5) / n;
        }
        return x;
    }

    /** int_B (1 + cos 2 pi x) dx = |B| + (sin 2 pi b1 - sin 2 pi b0) / (2 pi): the midpoint rule to O(h^2). */
    @Test
    void aCosineIntegratesOverEachBinToSecondOrder() {
        int n = 256;
        int bins = 5;
        double[] field = new double[n];
        double[] x = centres(n);
        for (int j = 0; j < n; j++) {
            field[j] = 1 + Math.cos(2 * Math.PI * x[j]);
        }
        double[] m = new TorusBinMasses(x, 1, bins, 1).masses(field);
        for (int b = 0; b < bins; b++) {
            double b0 = (double) b / bins;
            double b1 = (double) (b + 1) / bins;
            double exact = b1 - b0 + (Math.sin(2 * Math.PI * b1) - Math.sin(2 * Math.PI * b0)) / (2 * Math.PI);
            assertEquals(exact, m[b], 2e-5, "bin " + b);
        }
    }

    /** In 2D with two components the mass of component c in bin (bx, by) is the product of the 1D integrals. */
    @Test
    void aProductFieldInTwoDimensionsGivesProductsOfBinIntegralsPerComponent() {
        int n = 8;
        double[] x = centres(n);
        double[] field = new double[n * n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                field[(i * n + j) * 2] = i < n / 2 ? 2 : 0;
                field[(i * n + j) * 2 + 1] = j < n / 4 ? 4 : 0;
            }
        }
        double[] m = new TorusBinMasses(x, 2, 2, 2).masses(field);
        // Component 0: mass 2 x 1/2 x 1/2 in each bin with x < 1/2; component 1: 4 x 1/4 x 1/2 with y < 1/2.
        assertEquals(0.5, m[(0 * 2 + 0) * 2], 1e-15);
        assertEquals(0.5, m[(0 * 2 + 1) * 2], 1e-15);
        assertEquals(0.0, m[(1 * 2 + 0) * 2], 1e-15);
        assertEquals(0.5, m[(0 * 2 + 0) * 2 + 1], 1e-15);
        assertEquals(0.5, m[(1 * 2 + 0) * 2 + 1], 1e-15);
        assertEquals(0.0, m[(1 * 2 + 1) * 2 + 1], 1e-15);
    }
}
