package meanfield.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import meanfield.solvers.nif.NifFiniteVolume;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.Mprk22;

/**
 * One MPRK22 step (two freezes, two tridiagonal-plus-rank-one solves per label, the error
 * norm) of problem P1 on 512 v cells by 128 labels, single-threaded, dt = 1e-3.
 * <p>
 * The same step is measured twice: {@link #step} as average time per step, and
 * {@link #stepThroughput} in steps per second with the secondary result {@code cellUpdates},
 * the cell updates per second (512 x 128 per step). Compare with
 * {@link MemoryBandwidthBenchmark} at 1536 KiB per array, the step's working set.
 * <p>
 * Every invocation steps the same initial state into a scratch array, so each does identical
 * work; the step has no data-dependent branches worth the name, so this costs what a step
 * inside a run costs.
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class NifStepBenchmark {
    static final int V_CELLS = 512;
    static final int LABEL_CELLS = 128;
    static final int CELLS = V_CELLS * LABEL_CELLS;
    private static final double DT = 1e-3;

    private ColumnPool pool;
    private Mprk22 integrator;
    private double[] state;
    private double[] next;

    /** Counts cells advanced; in throughput mode JMH divides by the time, giving cell updates/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class CellUpdates {
        public long cellUpdates;

        @Setup(Level.Iteration)
        public void reset() {
            cellUpdates = 0;
        }
    }

    @Setup(Level.Trial)
    public void build() {
        pool = new ColumnPool(1);
        NifFiniteVolume system = new NifFiniteVolume(P1Model.model(), P1Model.vGrid(V_CELLS),
                P1Model.labelGrid(LABEL_CELLS), pool);
        integrator = new Mprk22(system);
        state = system.initialState();
        next = new double[state.length];
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    /** Returns the local error estimate so the step cannot be optimized away. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double step() {
        return integrator.step(0.0, DT, state, next);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public double stepThroughput(CellUpdates counter) {
        counter.cellUpdates += CELLS;
        return integrator.step(0.0, DT, state, next);
    }
}
