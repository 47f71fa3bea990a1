package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.junit.jupiter.api.Test;

class ExplicitRungeKuttaTest {
    /** ForcedRotor counting its right-hand-side evaluations. */
    private static final class Counting implements ExplicitSystem {
        private final ForcedRotor rotor = new ForcedRotor();
        int evaluations;

        @Override
        public int size() {
            return rotor.size();
        }

        @Override
        public void rhs(double t, double[] y, double[] out) {
            evaluations++;
            rotor.rhs(t, y, out);
        }

        @Override
        public String locate(double[] y) {
            return rotor.locate(y);
        }
    }

    @Test
    void onTheClassicalTableauItIsHipparchusClassicalRungeKutta() {
        ForcedRotor rotor = new ForcedRotor();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 3;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return rotor.derivative(t, y);
            }
        };
        double[] expected = new ClassicalRungeKuttaIntegrator(0.25)
                .integrate(ode, new ODEState(0.0, ForcedRotor.START.clone()), 2.0).getPrimaryState();
        double[] actual = Reference.fixedSteps(new ExplicitRungeKutta(rotor, Tableaux.RK4), ForcedRotor.START, 2.0, 8);
        assertArrayEquals(expected, actual, 1e-14);
    }

    @Test
    void aLastStageThatIsTheStepIsNotEvaluatedWithoutEmbeddedWeights() {
        ButcherTableau embedded = Tableaux.BOGACKI_SHAMPINE;
        ButcherTableau plain = new ButcherTableau(embedded.a(), embedded.b(), embedded.c());
        Counting withEstimate = new Counting();
        Counting without = new Counting();
        double[] a = new double[3];
        double[] b = new double[3];
        new ExplicitRungeKutta(withEstimate, embedded).step(0.3, 0.2, ForcedRotor.START, a);
        new ExplicitRungeKutta(without, plain).step(0.3, 0.2, ForcedRotor.START, b);
        assertArrayEquals(a, b, 0.0);
        assertEquals(4, withEstimate.evaluations);
        assertEquals(3, without.evaluations);
    }
}
