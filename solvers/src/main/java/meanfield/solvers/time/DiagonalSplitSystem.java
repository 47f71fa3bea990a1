package meanfield.solvers.time;

/**
 * A semi-discrete system y' = L y + N(y) whose linear part L is diagonal (in the system's own
 * basis, such as Fourier coefficients) and whose flow e^{t L} the system applies exactly: the
 * stiff or oscillatory part (diffusion, transport) goes there, the rest is stepped explicitly.
 * Complex unknowns are stored interleaved; integrators only form linear combinations of states.
 */
public interface DiagonalSplitSystem {
    /** Length of a state array. */
    int size();

    /** out = e^{dt L} in; out may be in. */
    void propagate(double dt, double[] in, double[] out);

    /** out = N(y); y is left intact. */
    void explicitPart(double[] y, double[] out);

    /** The norm in which local errors are measured and compared with the tolerance: max |a_i - b_i| unless overridden. */
    default double errorNorm(double[] a, double[] b) {
        return ErrorNorms.maxDifference(a, b);
    }
}
