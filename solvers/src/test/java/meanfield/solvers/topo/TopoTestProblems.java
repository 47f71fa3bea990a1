package meanfield.solvers.topo;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.time.TimeControl;

/** Models shared by the TOPO tests: P2 of MODEL.md and variants. */
final class TopoTestProblems {
    private TopoTestProblems() {
    }

    /** count velocities evenly spaced on [-1, 1], endpoints included, in 1D. */
    static double[][] velocityGrid(int count) {
        return PublicProblems.velocityGrid(count);
    }

    /** P2's data (catalogue) with another rank weight and number of velocities. */
    static TopoModel p2(RankWeight weight, int velocities) {
        TopoModel p2 = PublicProblems.topo1d(velocities);
        return new TopoModel(1, weight, p2.velocities(), p2.initial());
    }

    static TopoSolution solve(TopoModel model, int cells, double end, double dt) {
        return solve(model, TopoSolver.Method.FINITE_VOLUME, cells, end, dt);
    }

    static TopoSolution solve(TopoModel model, TopoSolver.Method method, int n, double end, double dt) {
        return new TopoSolver(model, method, n, new TimeControl(end, end, dt, 1.0)).solve(1, t -> {
        });
    }

    /** The spectral solver without a fixed step: adaptive Lawson RK4 at the given tolerance. */
    static TopoSolution solveAdaptive(TopoModel model, int n, double end, double outputEvery, double tolerance,
            int threads) {
        return new TopoSolver(model, TopoSolver.Method.SPECTRAL, n, new TimeControl(end, outputEvery, Double.NaN,
                tolerance)).solve(threads, t -> {
                });
    }

    static double[] last(TopoSolution s) {
        return s.density(s.outputCount() - 1);
    }
}
