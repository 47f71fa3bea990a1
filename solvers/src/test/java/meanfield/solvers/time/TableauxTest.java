package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.ode.nonstiff.ButcherArrayProvider;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.EulerIntegrator;
import org.junit.jupiter.api.Test;

class TableauxTest {
    /** Hipparchus stores the tableau without its first (empty) row and first abscissa. */
    private static void assertSameAs(ButcherArrayProvider hipparchus, ButcherTableau tableau) {
        double[][] a = tableau.a();
        double[] c = tableau.c();
        double[][] expected = hipparchus.getA();
        for (int i = 1; i < a.length; i++) {
            assertArrayEquals(expected[i - 1], a[i], 1e-16, "row " + i + " of a");
            assertArrayEquals(new double[] {hipparchus.getC()[i - 1]}, new double[] {c[i]}, 1e-16, "c_" + i);
        }
        assertArrayEquals(hipparchus.getB(), tableau.b(), 1e-16, "b");
    }

    @Test
    void coefficientsAgreeWithHipparchus() {
        assertSameAs(new EulerIntegrator(0.1), Tableaux.EULER);
        assertSameAs(new ClassicalRungeKuttaIntegrator(0.1), Tableaux.RK4);
        assertSameAs(new DormandPrince54Integrator(1e-6, 1, 1e-8, 1e-8), Tableaux.DORMAND_PRINCE);
    }

    @Test
    void rejectsRowsThatDoNotSumToTheirAbscissa() {
        assertThrows(IllegalArgumentException.class, () -> new ButcherTableau(
                new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.6}));
    }

    @Test
    void rejectsWeightsThatDoNotSumToOne() {
        assertThrows(IllegalArgumentException.class, () -> new ButcherTableau(
                new double[][] {{}, {0.5}}, new double[] {0.1, 1}, new double[] {0, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> new ButcherTableau(
                new double[][] {{}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5}, new double[] {0.5, 0.6}));
    }

    @Test
    void rejectsCoefficientsOnOrAboveTheDiagonal() {
        assertThrows(IllegalArgumentException.class, () -> new ButcherTableau(
                new double[][] {{0}, {0.5}}, new double[] {0, 1}, new double[] {0, 0.5}));
    }

    @Test
    void recognisesALastStageThatIsTheStep() {
        assertTrue(Tableaux.DORMAND_PRINCE.lastStageIsStep());
        assertTrue(Tableaux.BOGACKI_SHAMPINE.lastStageIsStep());
        assertFalse(Tableaux.RK4.lastStageIsStep());
        assertFalse(Tableaux.EULER.lastStageIsStep());
    }

    @Test
    void isImmutable() {
        double[] b = {0, 1};
        ButcherTableau midpoint = new ButcherTableau(new double[][] {{}, {0.5}}, b, new double[] {0, 0.5});
        b[1] = 7;
        midpoint.b()[1] = 7;
        midpoint.a()[1][0] = 7;
        assertArrayEquals(new double[] {0, 1}, midpoint.b(), 0.0);
        assertArrayEquals(new double[] {0.5}, midpoint.a()[1], 0.0);
    }
}
