package meanfield.solvers.topo;

import java.util.function.DoubleConsumer;

import meanfield.grids.PeriodicCells;
import meanfield.solvers.NumericalFailure;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.SspRk2;
import meanfield.solvers.time.TimeControl;
import meanfield.solvers.time.TimeLoop;

/**
 * Runs the TOPO finite-volume discretization with SSP Runge–Kutta 2 at a fixed step: the given
 * one, or by default the largest that keeps f >= 0. A requested step above that limit is refused.
 */
public final class TopoSolver {
    private final TopoModel model;
    private final PeriodicCells cells;
    private final TimeControl control;

    public TopoSolver(TopoModel model, PeriodicCells cells, TimeControl control) {
        this.model = model;
        this.cells = cells;
        this.control = control;
    }

    public TopoSolution solve(int threads, DoubleConsumer progress) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            TopoFiniteVolume system = new TopoFiniteVolume(model, cells, pool);
            double limit = system.positiveStepLimit();
            if (!control.adaptive() && control.fixedStep() > limit) {
                throw new IllegalArgumentException("the step " + control.fixedStep()
                        + " exceeds the positivity limit " + limit + " of the finite-volume scheme");
            }
            double dt = control.adaptive() ? limit : control.fixedStep();
            TimeControl fixed = new TimeControl(control.end(), control.outputEvery(), dt, control.tolerance());
            double[] y = system.initialState(model);
            TopoSolution solution = new TopoSolution(cells, model.velocities());
            TimeLoop loop = new TimeLoop(new SspRk2(system), fixed,
                    (t, state, output) -> observe(system, solution, t, state, output), progress);
            String failure = null;
            try {
                loop.run(y);
            } catch (NumericalFailure e) {
                failure = e.getMessage();
            }
            solution.finish(loop.acceptedSteps(), failure);
            return solution;
        }
    }

    private static void observe(TopoFiniteVolume system, TopoSolution solution, double t, double[] y, boolean output) {
        int nvel = system.velocityCount();
        int nc = system.cells().count();
        double volume = system.cells().volume();
        double[] marginal = new double[nvel];
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < nc; c++) {
            for (int k = 0; k < nvel; k++) {
                double f = y[c * nvel + k];
                marginal[k] += f * volume;
                min = Math.min(min, f);
            }
        }
        double mass = 0;
        for (double m : marginal) {
            mass += m;
        }
        if (!Double.isFinite(mass)) {
            throw new NumericalFailure(t, "non-finite density at " + system.locate(y));
        }
        solution.record(Math.abs(mass - 1), min);
        if (output) {
            double[] rho = new double[nc];
            system.density(y, rho);
            solution.addOutput(t, y.clone(), rho, marginal);
        }
    }
}
