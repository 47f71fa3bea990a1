package meanfield.solvers.topo;

import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.time.TimeControl;

/** Models shared by the TOPO tests: P2 of MODEL.md and variants. */
final class TopoTestProblems {
    private TopoTestProblems() {
    }

    /** count velocities evenly spaced on [-1, 1], endpoints included, in 1D. */
    static double[][] velocityGrid(int count) {
        double[][] v = new double[count][1];
        for (int k = 0; k < count; k++) {
            v[k][0] = -1 + 2.0 * k / (count - 1);
        }
        return v;
    }

    static TopoModel p2(RankWeight weight, int velocities) {
        return new TopoModel(1, weight, velocityGrid(velocities), (x, v) -> (1 + 0.4 * Math.cos(2 * Math.PI * x[0]))
                * Math.exp(-Math.pow(v[0] - 0.5 * Math.sin(2 * Math.PI * x[0]), 2) / (2 * 0.3 * 0.3)));
    }

    static TopoSolution solve(TopoModel model, int cells, double end, double dt) {
        return solve(model, TopoSolver.Method.FINITE_VOLUME, cells, end, dt);
    }

    static TopoSolution solve(TopoModel model, TopoSolver.Method method, int n, double end, double dt) {
        return new TopoSolver(model, method, n, new TimeControl(end, end, dt, 1.0)).solve(1, t -> {
        });
    }

    static double[] last(TopoSolution s) {
        return s.density(s.outputCount() - 1);
    }
}
