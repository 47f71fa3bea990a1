package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrderFitTest {
    @Test
    void aSyntheticSequenceGivesItsOrderAndConstant() {
        double[] h = {0.1, 0.05, 0.025, 0.0125};
        double[] e = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            e[i] = 3.0 * Math.pow(h[i], 2.5);
        }
        for (double order : OrderFit.successive(h, e)) {
            assertEquals(2.5, order, 1e-12);
        }
        double[] fit = OrderFit.leastSquares(h, e, 0, h.length);
        assertEquals(2.5, fit[0], 1e-12);
        assertEquals(0.0, fit[1], 1e-10);
        assertEquals(Math.log(3.0), fit[2], 1e-10);
    }

    /** Against numpy's least squares: slope 2.02192809, standard error sqrt(s^2 (A^T A)^-1)_00 = 0.07564299. */
    @Test
    void noiseShowsInTheStandardError() {
        double[] h = {1, 0.5, 0.25, 0.125};
        double[] e = {1.0, 0.3, 0.06, 0.016};
        double[] fit = OrderFit.leastSquares(h, e, 0, h.length);
        assertEquals(2.02192809, fit[0], 1e-8);
        assertEquals(0.07564299, fit[1], 1e-8);
    }
}
