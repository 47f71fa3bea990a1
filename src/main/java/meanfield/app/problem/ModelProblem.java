package meanfield.app.problem;

import java.util.Map;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.ExactSolution;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.TimeControl;

/**
 * The part of a problem that belongs to its model, one record type per model: a new model is a
 * new permitted type, and every switch over models fails to compile until it is handled.
 */
public sealed interface ModelProblem permits NifProblem, TopoProblem, MvProblem {
    /** The value of the {@code model} key. */
    String name();

    TimeControl time();

    /** {@code time.scheme}, or null for the discretization's default. */
    String scheme();

    /** The value of the {@code solver} key. */
    String solver();

    /** The semi-discrete system of this problem, its columns run on the pool. */
    SemiDiscretization discretize(ColumnPool pool);

    /**
     * The problem's discretization forced to a manufactured solution on the model's own
     * coefficients (MODEL.md's equation with a source that makes a chosen smooth f_e exact): for
     * convergence studies without a reference run.
     */
    ManufacturedSolution manufactured(ColumnPool pool);

    /**
     * The exact solution of MODEL.md that this problem has, projected on its grid; a problem
     * without one is a user error of {@code --reference} that says why.
     */
    ExactSolution exactSolution();

    /**
     * Values in the largest field of one output (f over the grid): the unit of a memory estimate
     * made before a study runs.
     */
    long valuesPerOutput();

    /** The grid as summary.json reports it. */
    Map<String, Object> gridSummary();

    /** The problem-file key of a part of this model. */
    String modelKey(InvalidModelException.Part part);

    /** The problem-file key at fault in a model that cannot be solved. */
    default String keyOf(InvalidModelException.Part part) {
        return switch (part) {
            case TIME_STEP -> "time.dt";
            case SCHEME -> "time.scheme";
            case PARTICLES -> "particles";
            default -> modelKey(part);
        };
    }
}
