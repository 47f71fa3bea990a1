package meanfield.solvers.time;

/**
 * A semi-discrete system y' = A(t, y) y whose matrix is Metzler (off-diagonal >= 0) with zero
 * column sums: mass moves between unknowns but is never created. Such systems admit
 * Patankar-type integrators that keep y >= 0 and sum(y) exact for any step.
 * The system freezes A at given states into slots and solves the linear systems
 * (I - dt (w0 A_0 diag(s) + w1 A_1)) x = b that those integrators need.
 */
public interface ProductionDestructionSystem {
    int size();

    /** Freezes A(t, y) into slot 0 or 1. */
    void freeze(int slot, double t, double[] y);

    /**
     * Solves (I - dt (w0 A_0 diag(scale0) + w1 A_1)) out = rhs; {@code scale0} may be null
     * (identity) and w1 may be 0 (slot 1 unused).
     */
    void solve(double dt, double w0, double[] scale0, double w1, double[] rhs, double[] out);

    /** Where y first holds a non-finite value, in the system's own terms (for failure messages). */
    String locate(double[] y);

    /** The norm in which local errors are measured and compared with the tolerance. */
    double errorNorm(double[] a, double[] b);
}
