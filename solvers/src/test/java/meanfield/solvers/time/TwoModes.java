package meanfield.solvers.time;

/**
 * Two complex unknowns (re, im interleaved) with a stiff and oscillatory diagonal part,
 * L = diag(-1 + 6i, -30), and a smooth nonlinear coupling with forcing that depends on t,
 * N(t, z) = (0.5 z2^2 + 1 + g1(t), 0.8 i z1 conj(z2) + z1 + g2(t)),
 * g1 = 0.5 cos 2t + 0.3 i sin 3t, g2 = 0.4 sin 2t: a scheme that evaluates a stage at the wrong
 * time loses its order.
 */
final class TwoModes implements DiagonalSplitSystem {
    static final double[] START = {0.3, -0.2, 0.5, 0.4};
    private static final double[] RE = {-1, -30};
    private static final double[] IM = {6, 0};

    @Override
    public int size() {
        return 4;
    }

    @Override
    public void propagate(double dt, double[] in, double[] out) {
        ComplexModes.propagate(RE, IM, dt, in, out);
    }

    @Override
    public void explicitPart(double t, double[] y, double[] out) {
        double x1 = y[0];
        double y1 = y[1];
        double x2 = y[2];
        double y2 = y[3];
        out[0] = 0.5 * (x2 * x2 - y2 * y2) + 1 + 0.5 * Math.cos(2 * t);
        out[1] = x2 * y2 + 0.3 * Math.sin(3 * t);
        // z1 conj(z2) = (x1 x2 + y1 y2) + i (y1 x2 - x1 y2); times 0.8 i.
        out[2] = -0.8 * (y1 * x2 - x1 * y2) + x1 + 0.4 * Math.sin(2 * t);
        out[3] = 0.8 * (x1 * x2 + y1 * y2) + y1;
    }

    /** The whole right-hand side L y + N(t, y), for the reference integrator. */
    double[] full(double t, double[] y) {
        double[] out = new double[4];
        explicitPart(t, y, out);
        for (int m = 0; m < 2; m++) {
            out[2 * m] += RE[m] * y[2 * m] - IM[m] * y[2 * m + 1];
            out[2 * m + 1] += RE[m] * y[2 * m + 1] + IM[m] * y[2 * m];
        }
        return out;
    }
}
