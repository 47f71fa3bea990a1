package meanfield.solvers.time;

/** A semi-discrete system y' = F(t, y) stepped explicitly. */
public interface ExplicitSystem {
    int size();

    /** Writes F(t, y) into out. */
    void rhs(double t, double[] y, double[] out);

    /** Where y first holds a non-finite value, in the system's own terms. */
    String locate(double[] y);

    /** The norm in which local errors are measured and compared with the tolerance: max |a_i - b_i| unless overridden. */
    default double errorNorm(double[] a, double[] b) {
        return ErrorNorms.maxDifference(a, b);
    }
}
