package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;

class RestrictionTest {
    private static double[] centres(int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = (i + 0.5) / n;
        }
        return c;
    }

    private static double[] nodes(int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = (double) i / n;
        }
        return c;
    }

    /** f over [label, v] cells: 3 labels, n cells in v. */
    private static ResultLayout cells(int n) {
        return new ResultLayout(List.of(Axis.time(), new Axis("xi", "1", "label", centres(3)),
                new Axis("v", "1", "v", centres(n))), List.of(Variable.perOutput("density", "1", "f", "xi", "v")));
    }

    @Test
    void cellAveragesRestrictConservativelyAndKeepAFieldConstantOnCoarseCells() {
        double[] fine = new double[3 * 8];
        for (int i = 0; i < fine.length; i++) {
            fine[i] = Math.sin(1.7 * i) + 2;
        }
        double[] coarse = Restriction.restrict(cells(8), fine, cells(4), "density");
        assertEquals(12, coarse.length);
        for (int l = 0; l < 3; l++) {
            double fineMass = 0;
            double coarseMass = 0;
            for (int k = 0; k < 8; k++) {
                fineMass += fine[l * 8 + k] / 8;
            }
            for (int k = 0; k < 4; k++) {
                coarseMass += coarse[l * 4 + k] / 4;
            }
            assertEquals(fineMass, coarseMass, 1e-15, "mass of label " + l);
        }
        double[] piecewise = new double[3 * 8];
        double[] expected = new double[3 * 4];
        for (int l = 0; l < 3; l++) {
            for (int k = 0; k < 4; k++) {
                expected[l * 4 + k] = l + 0.25 * k * k;
                piecewise[l * 8 + 2 * k] = expected[l * 4 + k];
                piecewise[l * 8 + 2 * k + 1] = expected[l * 4 + k];
            }
        }
        assertArrayEquals(expected, Restriction.restrict(cells(8), piecewise, cells(4), "density"), 0.0);
    }

    @Test
    void collocationNodesAreSubsampledExactly() {
        ResultLayout fine = new ResultLayout(List.of(Axis.time(), new Axis("x", "1", "x", nodes(8))),
                List.of(Variable.perOutput("rho", "1", "rho", "x")));
        ResultLayout coarse = new ResultLayout(List.of(Axis.time(), new Axis("x", "1", "x", nodes(4))),
                List.of(Variable.perOutput("rho", "1", "rho", "x")));
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new double[] {0, 2, 4, 6}, Restriction.restrict(fine, values, coarse, "rho"), 0.0);
    }

    @Test
    void pointsThatNeitherCoincideNorAverageAreRefused() {
        ResultLayout fine = new ResultLayout(List.of(Axis.time(), new Axis("x", "1", "x", centres(9))),
                List.of(Variable.perOutput("rho", "1", "rho", "x")));
        ResultLayout coarse = new ResultLayout(List.of(Axis.time(), new Axis("x", "1", "x", centres(4))),
                List.of(Variable.perOutput("rho", "1", "rho", "x")));
        assertThrows(IllegalArgumentException.class, () -> Restriction.restrict(fine, new double[9], coarse, "rho"));
    }
}
