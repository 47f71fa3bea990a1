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
 * Without a fixed step in the time control the step follows the embedded error estimate of Lawson
 * RK4 to the control's tolerance (max over the nodes of the local error in f,
 * {@link MvSpectral#errorNorm}); with {@code control.fixedStep()} each output interval is split into
 * equal steps no longer than it. A scheme without an error estimate and no fixed step runs at the CFL
 * step of {@link MvSpectral#defaultStep}.
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
