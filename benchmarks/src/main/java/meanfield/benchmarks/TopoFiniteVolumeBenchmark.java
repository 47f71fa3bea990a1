package meanfield.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import meanfield.grids.PeriodicCells;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.topo.TopoFiniteVolume;

/**
 * One right-hand side of the TOPO finite-volume scheme (transport plus the rank-weight gain),
 * single-threaded, at the initial data of P2 (1D, 256 cells x 32 velocities) and P3 (2D,
 * 32^2 and 64^2 cells x 16 velocities). The gain is a dense product G = W F with W the
 * n_cells x n_cells rank weights and F the n_cells x n_vel node masses; its yardsticks, on the
 * same shapes, are in {@link GemmBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TopoFiniteVolumeBenchmark {
    /** "problem:cells per dimension". */
    @Param({"p2:256", "p3:32", "p3:64"})
    public String grid;

    private ColumnPool pool;
    private TopoFiniteVolume system;
    private double[] state;
    private double[] derivative;

    @Setup(Level.Trial)
    public void build() {
        String[] parts = grid.split(":");
        TopoModel model = parts[0].equals("p2") ? TopoModels.p2() : TopoModels.p3();
        pool = new ColumnPool(1);
        system = new TopoFiniteVolume(model, new PeriodicCells(model.dimension(), Integer.parseInt(parts[1])), pool);
        state = system.initialState(model);
        derivative = new double[state.length];
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    /** Returns one entry so the evaluation cannot be optimized away. */
    @Benchmark
    public double rhs() {
        system.rhs(0.0, state, derivative);
        return derivative[0];
    }
}
