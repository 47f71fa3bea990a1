package meanfield.solvers.time;

/**
 * Lawson's integrating-factor Runge–Kutta method on the classical RK4 tableau (Lawson 1967;
 * "IFRK4" in Cox–Matthews 2002) for y' = L y + N(y) with e^{t L} exact: RK4 applied to
 * v = e^{-t L} y. With P = e^{L dt/2},
 * <pre>
 *   k1 = N(y)
 *   k2 = N(P (y + dt/2 k1))
 *   k3 = N(P y + dt/2 k2)
 *   k4 = N(P (P y + dt k3))
 *   y+ = P (P (y + dt/6 k1) + dt/3 (k2 + k3)) + dt/6 k4
 * </pre>
 * Fourth order; the linear part is integrated exactly and sets no step restriction, the
 * explicit part keeps RK4's stability region. Only P = e^{L dt/2} is ever requested, so a system caches
 * one set of factors per step size. If N never changes an invariant of L's flow (a mode where
 * L = 0 and N = 0), the step keeps it bit for bit.
 */
public final class LawsonRk4 implements TimeIntegrator {
    private final DiagonalSplitSystem system;
    private final double[] propagated;
    private final double[] stage;
    private final double[] slope;

    public LawsonRk4(DiagonalSplitSystem system) {
        this.system = system;
        this.propagated = new double[system.size()];
        this.stage = new double[system.size()];
        this.slope = new double[system.size()];
    }

    public DiagonalSplitSystem system() {
        return system;
    }

    /** Advances y by dt into out (out != y); the accumulated update lives in out throughout. No error estimate. */
    @Override
    public double step(double t, double dt, double[] y, double[] out) {
        double half = 0.5 * dt;
        int size = y.length;
        system.explicitPart(y, slope);
        for (int i = 0; i < size; i++) {
            stage[i] = y[i] + half * slope[i];
            out[i] = y[i] + dt / 6 * slope[i];
        }
        system.propagate(half, stage, stage);
        system.propagate(half, out, out);
        system.propagate(half, y, propagated);
        system.explicitPart(stage, slope);
        for (int i = 0; i < size; i++) {
            out[i] += dt / 3 * slope[i];
            stage[i] = propagated[i] + half * slope[i];
        }
        system.explicitPart(stage, slope);
        for (int i = 0; i < size; i++) {
            out[i] += dt / 3 * slope[i];
            stage[i] = propagated[i] + dt * slope[i];
        }
        system.propagate(half, stage, stage);
        system.explicitPart(stage, slope);
        system.propagate(half, out, out);
        for (int i = 0; i < size; i++) {
            out[i] += dt / 6 * slope[i];
        }
        return 0.0;
    }
}
