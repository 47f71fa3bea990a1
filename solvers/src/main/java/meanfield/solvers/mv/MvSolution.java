package meanfield.solvers.mv;

import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.RunRecord;
import meanfield.solvers.run.RecordedRun;

/**
 * What an MV run produced, in memory: rho = f at the grid nodes at the output times reached, and
 * the run's diagnostics. A run stopped by a numerical failure keeps everything up to it.
 */
public final class MvSolution extends RunRecord {
    private final PeriodicGrid grid;
    private final double step;

    public MvSolution(PeriodicGrid grid, RecordedRun run) {
        super(run);
        this.grid = grid;
        this.step = run.outcome().fixedStep();
    }

    public PeriodicGrid grid() {
        return grid;
    }

    /** The largest time step of a fixed-step run (the given step or the CFL default); NaN when the step was adaptive. */
    public double step() {
        return step;
    }

    /** rho = f(t_output) at the nodes, row-major over [x, y, z] (see {@link PeriodicGrid}). */
    public double[] density(int output) {
        return result().get("rho", output);
    }
}
