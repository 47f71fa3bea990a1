package meanfield.app.output;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.nif.NifFiniteVolume;
import meanfield.solvers.nif.NifSolver;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.TeeSink;
import meanfield.solvers.run.Driver;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.run.RunOutcome;
import meanfield.solvers.time.Schemes;
import meanfield.solvers.time.TimeControl;

/** A NIF solution small enough to solve in every test: 40 v cells, 8 labels, 6 output times. */
final class TinyNifProblem {
    static final int NV = 40;
    static final int NXI = 8;

    private TinyNifProblem() {
    }

    static NifSolution solve() {
        return solve(null);
    }

    /** Solves, streaming every output into {@code file} as well when it is not null. */
    static NifSolution solve(java.nio.file.Path file) {
        // No symmetry in ξ (an asymmetric kernel, an initial bump moving with ξ): a reversed or
        // transposed axis in a writer changes the values.
        NifModel model = new NifModel(0.0, 0.1, Drift.autonomous((v, xi) -> -v + 1.2),
                FiringRate.sigmoid(5, 1, 0.2), OptionalDouble.empty(),
                new SynapticKernel.Function((xi, z) -> 0.1 + 0.3 * Math.sin(2 * Math.PI * (xi - z))),
                (v, xi) -> Math.exp(-Math.pow(v - 0.2 - 0.6 * xi, 2) / (2 * 0.15 * 0.15)));
        UniformGrid v = new UniformGrid(-1.5, 3.5, NV);
        UniformGrid labels = UniformGrid.unitInterval(NXI);
        TimeControl time = new TimeControl(0.5, 0.1, Double.NaN, 1e-4);
        if (file == null) {
            return new NifSolver(model, v, labels, time).solve(1, t -> { });
        }
        try (ColumnPool pool = new ColumnPool(1)) {
            NifFiniteVolume system = new NifFiniteVolume(model, v, labels, pool);
            RecordedResult memory = new RecordedResult();
            Driver driver = new Driver(system, Schemes.named("mprk22").orElseThrow(), time, List.of());
            RunOutcome outcome = driver.run(new TeeSink(new Hdf5ResultFile(file,
                    Map.of("problem", Hdf5ResultFileTest.YAML, "version", "1.2.3")), memory));
            return new NifSolution(v, labels, new RecordedRun(memory, outcome));
        }
    }
}
