package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RichardsonTest {
    /** u_h = u* + C h^p at two points: three levels give p, two give u*, and then C. */
    @Test
    void aSyntheticSequenceGivesItsOrderLimitAndConstant() {
        double[] exact = {1.25, -0.5};
        double c = 0.7;
        double p = 3.0;
        double[][] u = new double[3][2];
        double[] h = {0.2, 0.1, 0.05};
        for (int l = 0; l < 3; l++) {
            for (int i = 0; i < 2; i++) {
                u[l][i] = exact[i] + c * Math.pow(h[l], p);
            }
        }
        double order = Richardson.order(u[0][0] - u[1][0], u[1][0] - u[2][0], 2);
        assertEquals(p, order, 1e-10);
        double[] limit = Richardson.extrapolate(u[2], u[1], 2, order);
        assertArrayEquals(exact, limit, 1e-13);
        assertEquals(c, (u[2][0] - limit[0]) / Math.pow(h[2], p), 1e-8);
    }
}
