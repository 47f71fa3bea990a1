package meanfield.solvers.mv;

import java.util.function.DoubleConsumer;

import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.time.TimeControl;

/**
 * The MV pseudo-spectral discretization ({@link MvSpectral}) run in memory by the generic driver
 * with its default scheme, Lawson RK4: diffusion exact through its integrating factor, the
 * interaction term explicit; fourth order in time, spectral in space, mass conserved to round-off.
 * The step is {@code control.fixedStep()} when given, otherwise the CFL default of
 * {@link MvSpectral#defaultStep}; each output interval is split into equal steps no longer than it.
 * A non-finite density or one beyond {@link MvSpectral#DENSITY_LIMIT} stops the run with the time
 * and node, keeping the outputs reached.
 */
public final class MvSolver {
    private final MvModel model;
    private final PeriodicGrid grid;
    private final TimeControl control;

    public MvSolver(MvModel model, PeriodicGrid grid, TimeControl control) {
        this.model = model;
        this.grid = grid;
        this.control = control;
    }

    public MvSolution solve(int threads, DoubleConsumer progress) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            return new MvSolution(grid, RecordedRun.of(new MvSpectral(model, grid, pool), null, control, progress));
        }
    }
}
