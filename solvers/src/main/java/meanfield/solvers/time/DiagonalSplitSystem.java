package meanfield.solvers.time;

/**
 * A semi-discrete system y' = L y + N(t, y) whose linear part L is diagonal (in the system's own
 * basis, such as Fourier coefficients) and whose flow e^{t L} the system applies exactly: the
 * stiff or oscillatory part (diffusion, transport) goes there, the rest is stepped explicitly.
 * Complex unknowns are stored interleaved; integrators only form linear combinations of states.
 */
public interface DiagonalSplitSystem {
    /** Length of a state array. */
    int size();

    /** out = e^{dt L} in; out may be in. */
    void propagate(double dt, double[] in, double[] out);

    /**
     * out = N(t, y); y is left intact. Integrators pass the stage time t + c_i dt, so that a term
     * that depends on time (a manufactured source) is evaluated where the tableau expects it; an
     * autonomous system ignores t. For the same t and the same bits of y the result must be the
     * same bits: an integrator may reuse a slope it computed before (first same as last).
     */
    void explicitPart(double t, double[] y, double[] out);

    /**
     * The norm in which local errors are measured and compared with the tolerance: max |a_i - b_i|
     * unless overridden. A system whose state is not the physical field (Fourier coefficients)
     * should override it so that the tolerance bounds a physical quantity.
     */
    default double errorNorm(double[] a, double[] b) {
        return ErrorNorms.maxDifference(a, b);
    }
}
