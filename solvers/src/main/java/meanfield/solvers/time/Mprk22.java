package meanfield.solvers.time;

/**
 * The modified Patankar–Runge–Kutta scheme MPRK22 (Burchard, Deleersnijder, Meister 2003):
 * second order, unconditionally positive and conservative. For y' = A(t, y) y its stages are
 * <pre>
 *   (I - dt A(t_n, y_n)) y1 = y_n                                   (Patankar–Euler, first order)
 *   (I - dt/2 [A(t_n, y_n) diag(y_n / y1) + A(t_n + dt, y1)]) y = y_n
 * </pre>
 * and the difference of the two results is the local error estimate used for step control.
 */
public final class Mprk22 implements TimeIntegrator {
    private final ProductionDestructionSystem system;
    private final double[] stage;
    private final double[] ratio;

    public Mprk22(ProductionDestructionSystem system) {
        this.system = system;
        this.stage = new double[system.size()];
        this.ratio = new double[system.size()];
    }

    /** Advances y from t by dt into out and returns the local error estimate. */
    @Override
    public double step(double t, double dt, double[] y, double[] out) {
        system.freeze(0, t, y);
        system.solve(dt, 1.0, null, 0.0, y, stage);
        system.freeze(1, t + dt, stage);
        for (int i = 0; i < ratio.length; i++) {
            // Where y1 underflows to zero so does y_n (y1 >= diag((I - dt A)^-1) y_n): the limit ratio is 1.
            ratio[i] = stage[i] > Double.MIN_NORMAL ? y[i] / stage[i] : 1.0;
        }
        system.solve(dt, 0.5, ratio, 0.5, y, out);
        return system.errorNorm(out, stage);
    }
}
