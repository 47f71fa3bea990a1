package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

class LawsonRk4Test {

    private static final double[] START = TwoModes.START;
    private static final double END = 1.0;

    private static double[] lawson(int steps) {
        TwoModes system = new TwoModes();
        LawsonRk4 integrator = new LawsonRk4(system);
        double[] y = START.clone();
        double[] next = new double[4];
        for (int s = 0; s < steps; s++) {
            integrator.step(0.0, END / steps, y, next);
            System.arraycopy(next, 0, y, 0, 4);
        }
        return y;
    }

    private static double[] dormandPrince() {
        TwoModes system = new TwoModes();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 4;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return system.full(y);
            }
        };
        return new DormandPrince853Integrator(1e-10, 0.1, 1e-14, 1e-14)
                .integrate(ode, new ODEState(0.0, START.clone()), END).getPrimaryState();
    }

    private static double distance(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void agreesWithDormandPrince853AtFourthOrderWithAStiffOscillatoryLinearPart() {
        double[] reference = dormandPrince();
        int[] steps = {20, 40, 80, 160};
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            errors[i] = distance(lawson(steps[i]), reference);
        }
        for (int i = 1; i < steps.length; i++) {
            double order = Math.log(errors[i - 1] / errors[i]) / Math.log(2);
            assertTrue(order > 3.6 && order < 4.3, "observed order " + order + " from " + steps[i - 1] + " to "
                    + steps[i] + " steps (errors " + errors[i - 1] + ", " + errors[i] + ")");
        }
        assertArrayEquals(reference, lawson(640), 1e-10);
    }

    @Test
    void withoutExplicitPartAStepIsTheExactLinearFlow() {
        DiagonalSplitSystem linear = new DiagonalSplitSystem() {
            private final TwoModes modes = new TwoModes();

            @Override
            public int size() {
                return 4;
            }

            @Override
            public void propagate(double dt, double[] in, double[] out) {
                modes.propagate(dt, in, out);
            }

            @Override
            public void explicitPart(double[] y, double[] out) {
                Arrays.fill(out, 0.0);
            }
        };
        double[] out = new double[4];
        new LawsonRk4(linear).step(0.0, 0.7, START, out);
        double[] expected = new double[4];
        linear.propagate(0.35, START, expected);
        linear.propagate(0.35, expected, expected);
        assertArrayEquals(expected, out, 0.0);
    }
}
