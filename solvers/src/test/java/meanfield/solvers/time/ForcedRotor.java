package meanfield.solvers.time;

/**
 * Three unknowns with quadratic coupling, damping and forcing that depends on t, so that a
 * scheme evaluating a stage at the wrong time loses its order:
 * y0' = y1 y2 + cos t / 2, y1' = -y0 y2 - 0.3 y1, y2' = -y0 y1 / 2 + sin(2t) / 5.
 */
final class ForcedRotor implements ExplicitSystem {
    static final double[] START = {1.0, 0.5, -0.3};

    @Override
    public int size() {
        return 3;
    }

    @Override
    public void rhs(double t, double[] y, double[] out) {
        out[0] = y[1] * y[2] + 0.5 * Math.cos(t);
        out[1] = -y[0] * y[2] - 0.3 * y[1];
        out[2] = -0.5 * y[0] * y[1] + 0.2 * Math.sin(2 * t);
    }

    @Override
    public String locate(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                return "unknown " + i;
            }
        }
        return "nowhere";
    }

    double[] derivative(double t, double[] y) {
        double[] out = new double[3];
        rhs(t, y, out);
        return out;
    }
}
