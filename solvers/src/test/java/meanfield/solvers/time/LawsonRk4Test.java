package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

class LawsonRk4Test {

    /**
     * Two complex unknowns (re, im interleaved) with a stiff and oscillatory diagonal part,
     * L = diag(-1 + 6i, -30), and a smooth nonlinear coupling
     * N(z) = (0.5 z2^2 + 1, 0.8 i z1 conj(z2) + z1).
     */
    private static final class TwoModes implements DiagonalSplitSystem {
        static final double[] RE = {-1, -30};
        static final double[] IM = {6, 0};

        @Override
        public int size() {
            return 4;
        }

        @Override
        public void propagate(double dt, double[] in, double[] out) {
            for (int m = 0; m < 2; m++) {
                double g = Math.exp(RE[m] * dt);
                double c = g * Math.cos(IM[m] * dt);
                double s = g * Math.sin(IM[m] * dt);
                double re = in[2 * m];
                double im = in[2 * m + 1];
                out[2 * m] = c * re - s * im;
                out[2 * m + 1] = c * im + s * re;
            }
        }

        @Override
        public void explicitPart(double[] y, double[] out) {
            double x1 = y[0];
            double y1 = y[1];
            double x2 = y[2];
            double y2 = y[3];
            out[0] = 0.5 * (x2 * x2 - y2 * y2) + 1;
            out[1] = x2 * y2;
            // z1 conj(z2) = (x1 x2 + y1 y2) + i (y1 x2 - x1 y2); times 0.8 i.
            out[2] = -0.8 * (y1 * x2 - x1 * y2) + x1;
            out[3] = 0.8 * (x1 * x2 + y1 * y2) + y1;
        }

        /** The whole right-hand side L y + N(y), for the reference integrator. */
        double[] full(double[] y) {
            double[] out = new double[4];
            explicitPart(y, out);
            for (int m = 0; m < 2; m++) {
                out[2 * m] += RE[m] * y[2 * m] - IM[m] * y[2 * m + 1];
                out[2 * m + 1] += RE[m] * y[2 * m + 1] + IM[m] * y[2 * m];
            }
            return out;
        }
    }

    private static final double[] START = {0.3, -0.2, 0.5, 0.4};
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
