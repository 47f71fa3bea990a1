package meanfield.solvers.nif;

import java.util.function.DoubleConsumer;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.time.TimeControl;

/**
 * The NIF finite volumes run in memory by the generic driver with their default scheme, MPRK22:
 * second order, each label's mass conserved to round-off and f >= 0 for any step. A run stops
 * with the time and label when a rate becomes non-finite or exceeds
 * {@link NifFiniteVolume#RATE_LIMIT}, keeping the outputs reached.
 */
public final class NifSolver {
    /**
     * Default local error tolerance of the adaptive step (per step, L1 per label). On P1 at
     * 400 x 64 cells the global error at t = 1 is about 0.4 x tolerance (4e-5), below the
     * spatial error of that grid (about 2e-4).
     */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    private final NifModel model;
    private final UniformGrid v;
    private final UniformGrid labels;
    private final TimeControl control;

    public NifSolver(NifModel model, UniformGrid v, UniformGrid labels, TimeControl control) {
        this.model = model;
        this.v = v;
        this.labels = labels;
        this.control = control;
    }

    public NifSolution solve(int threads, DoubleConsumer progress) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            NifFiniteVolume system = new NifFiniteVolume(model, v, labels, pool);
            return new NifSolution(v, labels, RecordedRun.of(system, null, control, progress));
        }
    }
}
