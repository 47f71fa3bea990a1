package meanfield.solvers.run;

/**
 * The method of manufactured solutions on one discretization: a chosen smooth function f_e(t, .)
 * that is made exact by a source term, S = (the equation's left side applied to f_e) - (its right
 * side), handed to the discretization as a {@link Forcing}. The discretization starts from f_e(0)
 * and its fields are compared with {@link #exactFields} at the same points: the error then shows the
 * discretization's own order, with no reference run.
 */
public interface ManufacturedSolution extends ExactSolution {
    /** The discretization with the source attached, starting from f_e(0). */
    SemiDiscretization discretization();
}
