package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SspRk2Test {
    /** y' = y (1 - y): y(t) = 1 / (1 + (1/y0 - 1) e^{-t}). */
    private static final class Logistic implements ExplicitSystem {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public void rhs(double t, double[] y, double[] out) {
            out[0] = y[0] * (1 - y[0]);
        }

        @Override
        public String locate(double[] y) {
            return "the logistic unknown";
        }
    }

    /** y_i' = k (y_{i-1} - y_i) on a ring: upwind transport, positive under forward Euler iff k dt <= 1. */
    private static final class UpwindRing implements ExplicitSystem {
        private final double k;
        private final int size;

        UpwindRing(double k, int size) {
            this.k = k;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void rhs(double t, double[] y, double[] out) {
            for (int i = 0; i < size; i++) {
                out[i] = k * (y[(i + size - 1) % size] - y[i]);
            }
        }

        @Override
        public String locate(double[] y) {
            return "the ring";
        }
    }

    @Test
    void equalsHeunsMethodToRoundOff() {
        ForcedRotor system = new ForcedRotor();
        SspRk2 integrator = new SspRk2(system);
        double[] y = ForcedRotor.START.clone();
        double[] out = new double[3];
        double[] k1 = new double[3];
        double[] k2 = new double[3];
        double[] euler = new double[3];
        double dt = 0.3;
        for (int s = 0; s < 10; s++) {
            double t = s * dt;
            integrator.step(t, dt, y, out);
            system.rhs(t, y, k1);
            for (int i = 0; i < 3; i++) {
                euler[i] = y[i] + dt * k1[i];
            }
            system.rhs(t + dt, euler, k2);
            for (int i = 0; i < 3; i++) {
                double heun = y[i] + dt / 2 * (k1[i] + k2[i]);
                assertEquals(heun, out[i], 4e-16 * Math.max(1, Math.abs(heun)), "unknown " + i + " at step " + s);
            }
            System.arraycopy(out, 0, y, 0, 3);
        }
    }

    @Test
    void secondOrderOnTheLogisticEquation() {
        double start = 0.1;
        double end = 3.0;
        double exact = 1 / (1 + (1 / start - 1) * Math.exp(-end));
        int[] steps = {32, 64, 128};
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double[] y = Reference.fixedSteps(new SspRk2(new Logistic()), new double[] {start}, end, steps[i]);
            errors[i] = Math.abs(y[0] - exact);
        }
        for (int i = 1; i < steps.length; i++) {
            double order = Math.log(errors[i - 1] / errors[i]) / Math.log(2);
            assertEquals(2.0, order, 0.1, "observed order from " + steps[i - 1] + " to " + steps[i] + " steps");
        }
    }

    @Test
    void decayAtForwardEulersPositivityLimitStaysPositive() {
        double k = 40.0;
        SspRk2 integrator = new SspRk2(new ExplicitSystem() {
            @Override
            public int size() {
                return 1;
            }

            @Override
            public void rhs(double t, double[] y, double[] out) {
                out[0] = -k * y[0];
            }

            @Override
            public String locate(double[] y) {
                return "the decaying unknown";
            }
        });
        double[] y = {1.0};
        double[] next = new double[1];
        for (int s = 0; s < 20; s++) {
            integrator.step(s / k, 1 / k, y, next);
            assertTrue(next[0] >= 0, "y = " + next[0] + " after step " + s);
            // The Euler stage lands exactly on 0, and the average with y halves it.
            assertEquals(0.5 * y[0], next[0], 1e-16 * y[0]);
            y[0] = next[0];
        }
    }

    @Test
    void upwindTransportIsPositiveUpToForwardEulersStepLimitAndNoFurther() {
        double k = 40.0;
        assertTrue(minimumAfterSteps(k, 1.0 / k) >= 0, "Courant number 1");
        assertTrue(minimumAfterSteps(k, 1.1 / k) < 0, "Courant number 1.1 should already produce a negative value");
    }

    /** The smallest value over 10 steps of a unit spike carried around a ring of 16 cells. */
    private static double minimumAfterSteps(double k, double dt) {
        SspRk2 integrator = new SspRk2(new UpwindRing(k, 16));
        double[] y = new double[16];
        y[3] = 1.0;
        double[] next = new double[16];
        double min = 0;
        for (int s = 0; s < 10; s++) {
            integrator.step(s * dt, dt, y, next);
            for (double v : next) {
                min = Math.min(min, v);
            }
            System.arraycopy(next, 0, y, 0, 16);
        }
        return min;
    }
}
