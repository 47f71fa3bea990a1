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

    /**
     * The eight order conditions of order 4 (one per rooted tree up to four nodes) for weights w:
     * the residuals sum w Phi(tree) - 1/tree!, in the order 1, c, c^2, ac, c^3, c ac, a c^2, a a c.
     */
    private static double[] orderResiduals(ButcherTableau tableau, double[] w) {
        double[][] a = tableau.a();
        double[] c = tableau.c();
        int s = c.length;
        double[] ac = new double[s];
        double[] ac2 = new double[s];
        double[] aac = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                ac[i] += a[i][j] * c[j];
                ac2[i] += a[i][j] * c[j] * c[j];
            }
        }
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                aac[i] += a[i][j] * ac[j];
            }
        }
        double[] sums = new double[8];
        for (int i = 0; i < s; i++) {
            sums[0] += w[i];
            sums[1] += w[i] * c[i];
            sums[2] += w[i] * c[i] * c[i];
            sums[3] += w[i] * ac[i];
            sums[4] += w[i] * c[i] * c[i] * c[i];
            sums[5] += w[i] * c[i] * ac[i];
            sums[6] += w[i] * ac2[i];
            sums[7] += w[i] * aac[i];
        }
        double[] exact = {1, 1.0 / 2, 1.0 / 3, 1.0 / 6, 1.0 / 4, 1.0 / 8, 1.0 / 12, 1.0 / 24};
        for (int t = 0; t < 8; t++) {
            sums[t] -= exact[t];
        }
        return sums;
    }

    @Test
    void theFirstSameAsLastRk4IsAFourThreePairWhoseStepIsClassicalRk4() {
        ButcherTableau pair = Tableaux.RK4_FSAL;
        assertArrayEquals(new double[8], orderResiduals(pair, pair.b()), 1e-15, "b: order 4");
        double[] embedded = orderResiduals(pair, pair.bHat());
        assertArrayEquals(new double[4], java.util.Arrays.copyOf(embedded, 4), 1e-15, "bHat: order 3");
        // Exactly third order: the residual of the tree a c^2 is 7/72 - 1/12 = 1/72, that of a a c 1/36 - 1/24.
        assertArrayEquals(new double[] {1.0 / 72, 1.0 / 36 - 1.0 / 24}, new double[] {embedded[6], embedded[7]}, 1e-15);
        assertTrue(pair.lastStageIsStep());
        double[][] a = pair.a();
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(Tableaux.RK4.a()[i], a[i], 0.0, "row " + i);
        }
        assertArrayEquals(Tableaux.RK4.b(), a[4], 0.0, "the fifth stage is the RK4 step");
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
