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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The yardstick for {@link NifStepBenchmark}: a STREAM triad, single-threaded like the step.
 * The secondary result {@code gigabytes} is the bandwidth in GB/s (shown by JMH as ops/s).
 * <p>
 * Sizes, per array:
 * <ul>
 * <li>1536 KiB: the three arrays hold 4.5 MiB, the working set of one MPRK22 step on the
 * 512 x 128 grid (state, result, stage and ratio, the four face-coefficient arrays of the two
 * frozen slots, and the drift table: nine arrays of 64 Ki doubles). That is more than the
 * 2 MiB L2 of one core, so this is the bandwidth the step can hope for from L3.</li>
 * <li>128 MiB ({@link StreamTriad#BEYOND_CACHE_KIB}): 384 MiB in all, beyond L3: main memory.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MemoryBandwidthBenchmark {
    @Param({"1536", "131072"})
    public int kibPerArray;

    private StreamTriad triad;

    /** Counts 1e9-byte units moved; in throughput mode JMH divides by the time, giving GB/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bandwidth {
        public double gigabytes;

        @Setup(Level.Iteration)
        public void reset() {
            gigabytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void allocate() {
        triad = StreamTriad.ofKib(kibPerArray);
    }

    @Benchmark
    public void triad(Bandwidth bandwidth) {
        triad.run();
        bandwidth.gigabytes += triad.bytesPerRun() * 1e-9;
    }
}
