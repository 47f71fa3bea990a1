package meanfield.app.output;

import java.util.OptionalDouble;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.nif.NifSolver;
import meanfield.solvers.time.TimeControl;

/** A NIF solution small enough to solve in every test: 40 v cells, 8 labels, 6 output times. */
final class TinyNifProblem {
    static final int NV = 40;
    static final int NXI = 8;

    private TinyNifProblem() {
    }

    static NifSolution solve() {
        // No symmetry in ξ (an asymmetric kernel, an initial bump moving with ξ): a reversed or
        // transposed axis in a writer changes the values.
        NifModel model = new NifModel(0.0, 0.1, Drift.autonomous((v, xi) -> -v + 1.2),
                FiringRate.sigmoid(5, 1, 0.2), OptionalDouble.empty(),
                new SynapticKernel.Function((xi, z) -> 0.1 + 0.3 * Math.sin(2 * Math.PI * (xi - z))),
                (v, xi) -> Math.exp(-Math.pow(v - 0.2 - 0.6 * xi, 2) / (2 * 0.15 * 0.15)));
        return new NifSolver(model, new UniformGrid(-1.5, 3.5, NV), UniformGrid.unitInterval(NXI),
                new TimeControl(0.5, 0.1, Double.NaN, 1e-4)).solve(1, t -> { });
    }
}
