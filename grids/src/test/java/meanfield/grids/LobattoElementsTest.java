package meanfield.grids;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LobattoElementsTest {
    private final LobattoElements grid = new LobattoElements(new double[] {-1.5, 0.0, 0.25, 1.0}, 7);

    @Test
    void weightsIntegratePolynomialsOfDegreeTwoPMinusOneExactly() {
        // x^13 over [-1.5, 1] = (1 - 1.5^14) / 14.
        double sum = 0;
        for (int i = 0; i < grid.size(); i++) {
            sum += grid.weight(i) * Math.pow(grid.node(i), 13);
        }
        assertEquals((1 - Math.pow(1.5, 14)) / 14, sum, 1e-12);
        assertEquals(3 * 7 + 1, grid.size());
        assertEquals(0.0, grid.node(grid.breakNode(1)));
    }

    @Test
    void referenceDerivativeIsExactForPolynomialsOfDegreeP() {
        double[] d = grid.referenceDerivative();
        int n = grid.degree() + 1;
        double[] x = new double[n];
        // The reference nodes, recovered from the first element's global nodes.
        for (int q = 0; q < n; q++) {
            x[q] = 2 * (grid.node(q) + 1.5) / 1.5 - 1;
        }
        for (int q = 0; q < n; q++) {
            double derivative = 0;
            for (int j = 0; j < n; j++) {
                derivative += d[q * n + j] * Math.pow(x[j], 7);
            }
            assertEquals(7 * Math.pow(x[q], 6), derivative, 1e-11);
        }
    }

    @Test
    void interpolationAndIntegralOfElementPolynomialsAreExact() {
        double[] values = new double[grid.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.pow(grid.node(i), 5) - grid.node(i);
        }
        assertEquals(Math.pow(0.3, 5) - 0.3, grid.interpolate(values, 0, 0.3), 1e-13);
        // x^5 - x over [-1, 0.6]: [x^6/6 - x^2/2].
        double exact = (Math.pow(0.6, 6) / 6 - 0.18) - (1.0 / 6 - 0.5);
        assertEquals(exact, grid.integrate(values, 0, -1.0, 0.6), 1e-13);
    }
}
