package meanfield.grids;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CellAveragesTest {

    @Test
    void averagesOfACubicAreExactWithTwoPoints() {
        UniformGrid g = new UniformGrid(-1.0, 2.0, 7);
        double[] avg = CellAverages.of(v -> v * v * v - 2 * v, g, 2);
        for (int k = 0; k < g.cells(); k++) {
            double a = g.face(k);
            double b = g.face(k + 1);
            double exact = ((Math.pow(b, 4) - Math.pow(a, 4)) / 4 - (b * b - a * a)) / g.h();
            assertEquals(exact, avg[k], 1e-13, "cell " + k);
        }
    }

    @Test
    void productAveragesAreRowMajorInTheFirstArgument() {
        UniformGrid gx = UniformGrid.unitInterval(3);
        UniformGrid gy = UniformGrid.unitInterval(5);
        double[] avg = CellAverages.of((x, y) -> x + 10 * y * y, gx, gy, 2);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                double ya = gy.face(j);
                double yb = gy.face(j + 1);
                double exact = gx.center(i) + 10 * (yb * yb * yb - ya * ya * ya) / (3 * gy.h());
                assertEquals(exact, avg[i * 5 + j], 1e-13);
            }
        }
    }

    @Test
    void gridFacesAndCentresAreUniform() {
        UniformGrid g = new UniformGrid(-1.5, 3.5, 400);
        assertEquals(0.0125, g.h(), 1e-15);
        assertEquals(0.0, g.face(120), 1e-14);
        assertEquals(3.5, g.face(400), 0.0);
        assertEquals(-1.5 + 0.00625, g.center(0), 1e-15);
    }
}
