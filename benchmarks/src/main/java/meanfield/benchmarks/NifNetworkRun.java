package meanfield.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.OptionalDouble;

import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.validation.network.Connectivity;
import meanfield.validation.network.WeightMatrix;
import meanfield.validation.nif.NifParticleRun;
import meanfield.validation.nif.NifSimulator;

/**
 * Whole-run throughput of the NIF particle system (MODEL.md 1.1) on problem P1 (MODEL.md 4):
 * an Erdős–Rényi network of N neurons with mean in-degree d ({@link WeightMatrix#sample} with
 * {@link Connectivity.ErdosRenyi}), T = 1, dt = 1e-3, on one thread, or on each thread count of
 * {@code --threads} in turn on the same network (built on one thread). Prints the network
 * build time and the simulation wall time separately, neuron updates per second (N x steps / wall),
 * synaptic events per second (sum over neurons of spikes x out-degree, i.e. jumps delivered / wall)
 * and the bytes per synapse of the weights.
 *
 * <p>{@code --export FILE} also writes the network and the initial potentials of the run, so that
 * {@code benchmarks/brian2_nif.py} simulates the same network from the same initial data (layout in
 * {@link #export}). The initial potentials are those {@link NifSimulator} draws for the seed: they are
 * read back from a one-step run of a model with no drift, no noise and no spikes, whose final
 * potentials are its initial ones, so nothing of the simulator's sampling is copied here.
 *
 * <p>Arguments: {@code [--n N] [--degree D] [--end T] [--dt DT] [--seed S] [--runs K] [--threads P,P,...]
 * [--export FILE]} (defaults 100000, 1000, 1, 1e-3, 1, 1, 1). With {@code --runs K} the same simulation (same seed) runs
 * K times in one JVM per thread count: the very first includes JIT compilation, the best shows the
 * compiled code. A {@code RESULT key=value ...} line per thread count is for {@code benchmarks/nif_report.py}. N = 10^5 with
 * d = 10^3 takes about 1.6 GB of heap.
 */
public final class NifNetworkRun {
    /** The first 8 bytes of an export file. */
    static final String MAGIC = "NIFNET01";

    private NifNetworkRun() {
    }

    public static void main(String[] args) throws IOException {
        int n = 100_000;
        double degree = 1000;
        double end = 1.0;
        double dt = 1e-3;
        long seed = 1;
        int runs = 1;
        int[] threadCounts = {1};
        Path export = null;
        for (int a = 0; a < args.length; a++) {
            String value = a + 1 < args.length ? args[a + 1] : null;
            switch (args[a]) {
                case "--n" -> n = Integer.parseInt(required(args[a], value));
                case "--degree" -> degree = Double.parseDouble(required(args[a], value));
                case "--end" -> end = Double.parseDouble(required(args[a], value));
                case "--dt" -> dt = Double.parseDouble(required(args[a], value));
                case "--seed" -> seed = Long.parseLong(required(args[a], value));
                case "--runs" -> runs = Integer.parseInt(required(args[a], value));
                case "--threads" -> threadCounts = java.util.Arrays.stream(required(args[a], value).split(","))
                        .mapToInt(Integer::parseInt).toArray();
                case "--export" -> export = Path.of(required(args[a], value));
                default -> {
                    System.err.println("usage: NifNetworkRun [--n N] [--degree D] [--end T] [--dt DT] [--seed S]"
                            + " [--runs K] [--threads P,P,...] [--export FILE]");
                    System.exit(2);
                }
            }
            a++;
        }

        NifModel model = P1Model.model();
        long start = System.nanoTime();
        WeightMatrix network = WeightMatrix.sample(n, model.kernel(), new Connectivity.ErdosRenyi(degree), seed, 1);
        double build = seconds(start);
        long synapses = network.synapses();
        // Each orientation: an int index and a float weight per synapse plus N + 1 int offsets. An Erdős–Rényi
        // network holds its outgoing lists; its rows are built only if read, which a simulation does not do.
        double csrBytes = (4.0 * (n + 1) + 8.0 * synapses) / synapses;
        double allBytes = (double) network.bytes() / synapses;
        System.out.printf(Locale.ROOT, "N = %d, mean in-degree %.0f: %d synapses, built in %.2f s (one thread)%n",
                n, degree, synapses, build);
        System.out.printf(Locale.ROOT, "weights: %.2f bytes per synapse in the outgoing lists + %.2f in rows = %.2f"
                + " (%.0f MB; rows are built only when read)%n", csrBytes, allBytes - csrBytes, allBytes,
                network.bytes() / 1e6);

        NifSimulator.Settings settings = new NifSimulator.Settings(end, dt, end, 1, seed);

        NifSimulator simulator = new NifSimulator(model, network, P1Model.vGrid(P1Model.DEFAULT_V_CELLS), settings);
        for (int threads : threadCounts) {
            NifParticleRun run = null;
            double first = Double.NaN;
            double firstCpu = Double.NaN;
            double best = Double.POSITIVE_INFINITY;
            double bestCpu = Double.POSITIVE_INFINITY;
            for (int r = 0; r < runs; r++) {
                long cpuStart = processCpuNanos();
                start = System.nanoTime();
                run = simulator.simulate(threads, fraction -> {
                });
                double wall = seconds(start);
                double cpu = (processCpuNanos() - cpuStart) * 1e-9;
                if (run.failure().isPresent()) {
                    throw new IllegalStateException("the run failed: " + run.failure().get());
                }
                if (r == 0) {
                    first = wall;
                    firstCpu = cpu;
                }
                best = Math.min(best, wall);
                bestCpu = Math.min(bestCpu, cpu);
                System.out.printf(Locale.ROOT, "%d thread(s), run %d: %.3f s wall, %.3f s CPU (the process: JIT and GC"
                        + " threads included)%n", threads, r + 1, wall, cpu);
            }
            long spikes = run.totalSpikes();
            long events = 0;
            for (int j = 0; j < n; j++) {
                events += (long) run.spikeCounts()[j] * network.outDegree(j);
            }
            double updates = (double) n * run.steps();
            System.out.printf(Locale.ROOT, "T = %s, dt = %s: %d steps, %d spikes (%.3f per neuron), %d synaptic events%n",
                    end, dt, run.steps(), spikes, (double) spikes / n, events);
            System.out.printf(Locale.ROOT, "simulation on %d thread(s) %.3f s (first run), %.3f s (best of %d):"
                    + " %.3g neuron updates/s, %.3g synaptic events/s (first run)%n",
                    threads, first, best, runs, updates / first, events / first);
            System.out.printf(Locale.ROOT, "RESULT side=java threads=%d n=%d synapses=%d build_s=%.3f sim_s=%.4f"
                    + " sim_best_s=%.4f cpu_s=%.4f cpu_best_s=%.4f steps=%d spikes=%d events=%d updates_per_s=%.4g"
                    + " events_per_s=%.4g bytes_per_synapse=%.3f csr_bytes_per_synapse=%.3f%n", threads, n, synapses, build,
                    first, best, firstCpu, bestCpu, run.steps(), spikes, events, updates / first, events / first, allBytes,
                    csrBytes);
        }
        if (export != null) {
            // After the timed runs, so that the export's frozen model does not share their JIT profile.
            start = System.nanoTime();
            double[] initial = initialPotentials(model, network, settings);
            export(export, network, initial, settings);
            System.out.printf(Locale.ROOT, "exported network and initial potentials to %s in %.1f s%n", export,
                    seconds(start));
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** CPU time of the whole JVM process (all threads), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    /**
     * The potentials NifSimulator starts from for these settings: a one-step run of P1's f0 with
     * mu = 0, sigma = 0 and nu = 0 leaves them unchanged (V + 0 dt + 0 Z = V exactly, no spike).
     */
    static double[] initialPotentials(NifModel model, WeightMatrix network, NifSimulator.Settings settings) {
        NifModel frozen = new NifModel(model.reset(), 0.0, Drift.autonomous((v, xi) -> 0.0), FiringRate.NONE,
                OptionalDouble.empty(), model.kernel(), model.initial());
        NifSimulator.Settings oneStep = new NifSimulator.Settings(settings.dt(), settings.dt(), settings.dt(), 1,
                settings.seed());
        NifParticleRun run = new NifSimulator(frozen, network, P1Model.vGrid(P1Model.DEFAULT_V_CELLS), oneStep)
                .simulate(1, fraction -> {
                });
        return run.finalPotentials();
    }

    /**
     * Writes, little-endian: the 8 ASCII bytes {@value #MAGIC}; int32 N; int64 synapses S; float64 T,
     * dt; int64 seed; int32 rowStart[N + 1]; int32 column[S]; float32 weight[S]; float64 v0[N].
     * Row i holds the inputs of neuron i (columns = presynaptic j, ascending), weight w_ij: on a spike
     * of j, V_i += w_ij (MODEL.md 1.1).
     */
    static void export(Path file, WeightMatrix network, double[] initial, NifSimulator.Settings settings)
            throws IOException {
        int n = network.n();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            buffer.put(MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(n).putLong(network.synapses())
                    .putDouble(settings.end()).putDouble(settings.dt()).putLong(settings.seed());
            int offset = 0;
            for (int i = 0; i <= n; i++) {
                buffer = room(out, buffer, Integer.BYTES).putInt(offset);
                offset += i < n ? network.inDegree(i) : 0;
            }
            for (int i = 0; i < n; i++) {
                for (int j : network.inputs(i)) {
                    buffer = room(out, buffer, Integer.BYTES).putInt(j);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j : network.inputs(i)) {
                    buffer = room(out, buffer, Float.BYTES).putFloat((float) network.weight(i, j));
                }
            }
            for (double v : initial) {
                buffer = room(out, buffer, Double.BYTES).putDouble(v);
            }
            drain(out, buffer);
        }
    }

    private static ByteBuffer room(FileChannel out, ByteBuffer buffer, int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain(out, buffer);
        }
        return buffer;
    }

    private static void drain(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }
}
