package meanfield.solvers.time;

/**
 * A semi-discrete system y' = F(t, y) that offers, at the start of each step, a linear operator L
 * that carries its stiffness (diffusion, transport on clustered nodes): F = L y + (F - L y), with
 * L y stepped implicitly and the remainder explicitly. Freezing L per step keeps the split exact,
 * so an additive Runge–Kutta method keeps its order; only the remainder must be non-stiff.
 */
public interface ImexSystem {
    /** Length of a state array. */
    int size();

    /** Fixes L for the step that starts at (t, y); the integrator calls it once per step. */
    void linearize(double t, double[] y);

    /** out = L y for the L of the last {@link #linearize}. */
    void implicitPart(double[] y, double[] out);

    /** out = F(t, y) - L y; y is left intact. */
    void explicitPart(double t, double[] y, double[] out);

    /** out = (I - factor L)^{-1} rhs; the system may factor I - factor L once per step and factor. */
    void solveImplicit(double factor, double[] rhs, double[] out);

    /** The norm in which local errors are compared with the tolerance: max |a_i - b_i| unless overridden. */
    default double errorNorm(double[] a, double[] b) {
        return ErrorNorms.maxDifference(a, b);
    }
}
