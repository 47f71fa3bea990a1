package meanfield.solvers.run;

/**
 * A solution known without running the discretization (MODEL.md's exact solutions, or a
 * manufactured one), projected onto a discretization's points the way it represents its own fields.
 */
public interface ExactSolution {
    /**
     * The fields at time t, projected as the discretization represents its own (cell averages for
     * finite volumes, node values for collocation), one array per per-output variable of its layout.
     */
    void exactFields(double t, double[][] out);

    /** The solution in words and formulas, for the summary and the README. */
    String description();
}
