package meanfield.solvers.time;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/** Reference solutions and fixed-step runs for the time-integrator tests. */
final class Reference {
    /** y' = F(t, y) as the reference integrator takes it. */
    @FunctionalInterface
    interface Derivative {
        double[] at(double t, double[] y);
    }

    private Reference() {
    }

    /** y(end) by DormandPrince853 at tolerances far below any error a test measures. */
    static double[] dormandPrince853(Derivative f, double[] start, double end) {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return start.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return f.at(t, y);
            }
        };
        return new DormandPrince853Integrator(1e-10, 0.1, 1e-15, 1e-15)
                .integrate(ode, new ODEState(0.0, start.clone()), end).getPrimaryState();
    }

    /** y(end) after the given number of equal steps from y(0) = start. */
    static double[] fixedSteps(TimeIntegrator integrator, double[] start, double end, int steps) {
        double[] y = start.clone();
        double[] next = new double[y.length];
        double dt = end / steps;
        for (int s = 0; s < steps; s++) {
            integrator.step(s * dt, dt, y, next);
            System.arraycopy(next, 0, y, 0, y.length);
        }
        return y;
    }

    static double distance(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
