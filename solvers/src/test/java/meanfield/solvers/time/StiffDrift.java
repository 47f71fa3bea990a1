package meanfield.solvers.time;

/**
 * y' = F(t, y) with F = A(y) y + g(t): A(y) = [[-12 - y2^2, 2], [1, -3]] stiff and state-dependent,
 * stiff enough that the explicit remainder alone would need about 6x smaller steps, yet in the
 * asymptotic range at the registry's 64 to 256 steps (with -40 the observed order from 64 to 128
 * steps was 3.56: stiff components still unresolved there, the method's order reached only later),
 * g = (cos 2t, 0.5 sin 3t). The frozen operator of a step is A at the step's start state, as the
 * NIF spectral solver freezes its synaptic input: the explicit remainder (A(y) - A(y_n)) y + g is
 * non-stiff, and a scheme that mixes the two parts wrongly loses its order.
 */
final class StiffDrift implements ImexSystem {
    static final double[] START = {0.4, -0.3};
    private final double[] frozen = new double[4];

    @Override
    public int size() {
        return 2;
    }

    private static void operator(double[] y, double[] a) {
        a[0] = -12 - y[1] * y[1];
        a[1] = 2;
        a[2] = 1;
        a[3] = -3;
    }

    @Override
    public void linearize(double t, double[] y) {
        operator(y, frozen);
    }

    @Override
    public void implicitPart(double[] y, double[] out) {
        out[0] = frozen[0] * y[0] + frozen[1] * y[1];
        out[1] = frozen[2] * y[0] + frozen[3] * y[1];
    }

    @Override
    public void explicitPart(double t, double[] y, double[] out) {
        double[] full = full(t, y);
        double[] implicit = new double[2];
        implicitPart(y, implicit);
        out[0] = full[0] - implicit[0];
        out[1] = full[1] - implicit[1];
    }

    @Override
    public void solveImplicit(double factor, double[] rhs, double[] out) {
        double a = 1 - factor * frozen[0];
        double b = -factor * frozen[1];
        double c = -factor * frozen[2];
        double d = 1 - factor * frozen[3];
        double det = a * d - b * c;
        double x0 = (d * rhs[0] - b * rhs[1]) / det;
        double x1 = (a * rhs[1] - c * rhs[0]) / det;
        out[0] = x0;
        out[1] = x1;
    }

    /** The whole right-hand side, for the reference integrator. */
    double[] full(double t, double[] y) {
        double[] a = new double[4];
        operator(y, a);
        return new double[] {a[0] * y[0] + a[1] * y[1] + Math.cos(2 * t),
            a[2] * y[0] + a[3] * y[1] + 0.5 * Math.sin(3 * t)};
    }
}
