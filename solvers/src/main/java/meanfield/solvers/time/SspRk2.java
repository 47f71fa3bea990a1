package meanfield.solvers.time;

/**
 * Heun's method in its strong-stability-preserving form (Shu–Osher): second order, and a convex
 * combination of forward Euler steps, so any bound or positivity that forward Euler keeps under
 * a step limit is kept under the same limit.
 */
public final class SspRk2 implements TimeIntegrator {
    private final ExplicitSystem system;
    private final double[] slope;
    private final double[] stage;

    public SspRk2(ExplicitSystem system) {
        this.system = system;
        this.slope = new double[system.size()];
        this.stage = new double[system.size()];
    }

    @Override
    public double step(double t, double dt, double[] y, double[] out) {
        system.rhs(t, y, slope);
        for (int i = 0; i < y.length; i++) {
            stage[i] = y[i] + dt * slope[i];
        }
        system.rhs(t + dt, stage, slope);
        for (int i = 0; i < y.length; i++) {
            out[i] = 0.5 * y[i] + 0.5 * (stage[i] + dt * slope[i]);
        }
        return 0.0;
    }
}
