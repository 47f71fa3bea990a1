package meanfield.solvers.topo;

import java.util.function.DoubleConsumer;

import meanfield.grids.PeriodicCells;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.TimeControl;

/**
 * The TOPO discretizations, chosen by {@link Method}, run by the generic driver:
 * <ul>
 * <li>finite volumes with SSP Runge–Kutta 2, by default at the largest step that keeps f >= 0
 * (a requested larger step is refused);</li>
 * <li>Fourier collocation with Lawson RK4 (transport exact): without a fixed step in the time control,
 * the step follows the embedded error estimate to the control's tolerance (max over the nodes of
 * the local error in f, {@link TopoSpectral#errorNorm}); with one, each output interval is split
 * into equal steps no longer than it.</li>
 * </ul>
 */
public final class TopoSolver {
    /** The discretizations of the TOPO equation. */
    public enum Method { FINITE_VOLUME, SPECTRAL }

    private final TopoModel model;
    private final Method method;
    private final int n;
    private final TimeControl control;

    /** @param n cells (finite volumes) or collocation nodes (spectral) per dimension */
    public TopoSolver(TopoModel model, Method method, int n, TimeControl control) {
        this.model = model;
        this.method = method;
        this.n = n;
        this.control = control;
    }

    /** The semi-discrete system of this method on n points per dimension. */
    public static SemiDiscretization discretize(TopoModel model, Method method, int n, ColumnPool pool) {
        int d = model.dimension();
        return method == Method.FINITE_VOLUME
                ? new TopoFiniteVolume(model, new PeriodicCells(d, n), pool)
                : new TopoSpectral(model, new PeriodicGrid(d, n), TopoSpectral.defaultRadialNodes(n), pool);
    }

    public TopoSolution solve(int threads, DoubleConsumer progress) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            SemiDiscretization system = discretize(model, method, n, pool);
            return new TopoSolution(model.dimension(), model.velocities(), RecordedRun.of(system, null, control, progress));
        }
    }
}
