package meanfield.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import meanfield.solvers.model.TopoModel;
import meanfield.validation.topo.TopoSimulator;

/**
 * Whole runs of the exact topological particle system (MODEL.md 2.1) on P2's data (1D, exponential
 * K) to T = 1, about N events, for several numbers g of velocity nodes (P2 has 32) and particle
 * numbers N: events per second in wall and thread CPU time, and the exponent of the cost per event
 * against N (least squares over the sizes). An exact rank query has to look, in every velocity
 * group, at the particles near the distance sought, and N = 10^6 does not fit in the caches; the
 * yardstick, timed in the same JVM, is the cost of g independent random loads from an array of 32 N
 * bytes (about the simulator's footprint), issued together as a query can: the floor of an event's
 * cost if each group cost a single cache miss.
 * <p>
 * Usage: {@code TopoParticlesRun [--quick] [--velocities g,g,...] [--sizes N,N,...]}; defaults
 * 32,4,2 and 10^4,10^5,10^6; {@code --quick} runs 2,32 at 10^4 and 3x10^4 only.
 */
public final class TopoParticlesRun {
    private static final int YARDSTICK_BATCHES = 2_000_000;

    private TopoParticlesRun() {
    }

    public static void main(String[] args) {
        int[] velocities = {32, 4, 2};
        int[] sizes = {10_000, 100_000, 1_000_000};
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--quick" -> {
                    velocities = new int[] {2, 32};
                    sizes = new int[] {10_000, 30_000};
                }
                case "--velocities" -> velocities = list(args, ++a);
                case "--sizes" -> sizes = list(args, ++a);
                default -> {
                    System.err.println("usage: TopoParticlesRun [--quick] [--velocities g,g,...] [--sizes N,N,...]");
                    System.exit(2);
                }
            }
        }
        // A warm-up run so that the timed ones measure compiled code.
        new TopoSimulator(TopoModels.p2(), 20_000, 7).advance(1.0);
        System.out.println("| g | N | events | setup s | wall s | CPU s | events/s (CPU) | us per event (CPU) |"
                + " yardstick: g random loads, us | event / yardstick |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int g : velocities) {
            TopoModel model = TopoModels.p2(g);
            double[] logN = new double[sizes.length];
            double[] logCost = new double[sizes.length];
            for (int r = 0; r < sizes.length; r++) {
                int n = sizes[r];
                long start = System.nanoTime();
                TopoSimulator simulator = new TopoSimulator(model, n, 1);
                double setup = (System.nanoTime() - start) * 1e-9;
                long cpuStart = threads.getCurrentThreadCpuTime();
                start = System.nanoTime();
                simulator.advance(1.0);
                double wall = (System.nanoTime() - start) * 1e-9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
                long events = simulator.events();
                double perEvent = cpu / events;
                double yardstick = randomLoads(32L * n, g);
                System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f | %.2f | %.2f | %.3g | %.2f | %.3f | %.0f |%n", g, n,
                        events, setup, wall, cpu, events / cpu, 1e6 * perEvent, 1e6 * yardstick, perEvent / yardstick);
                logN[r] = Math.log(n);
                logCost[r] = Math.log(perEvent);
            }
            if (sizes.length > 1) {
                System.out.printf(Locale.ROOT, "%n- g = %d: CPU cost per event ~ N^%.2f (N = %s)%n%n", g, slope(logN, logCost),
                        Arrays.toString(sizes));
            }
        }
    }

    /**
     * Seconds per batch of `loads` independent random int loads from an array of about `bytes`
     * bytes, the batch's addresses computed before its loads so that they overlap.
     */
    private static double randomLoads(long bytes, int loads) {
        int[] table = new int[(int) Math.min(Integer.MAX_VALUE - 8, bytes / 4)];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < table.length; i++) {
            table[i] = random.nextInt();
        }
        int[] index = new int[loads];
        long sum = 0;
        long start = 0;
        long counter = 0;
        for (int pass = 0; pass < 2; pass++) {
            // The first pass warms the JIT up; the second is timed.
            start = System.nanoTime();
            for (int b = 0; b < YARDSTICK_BATCHES; b++) {
                // Golden-ratio (Weyl) addresses: spread over the table at one multiplication each.
                for (int q = 0; q < loads; q++) {
                    long h = (counter++) * 0x9E3779B97F4A7C15L;
                    index[q] = (int) (((h >>> 32) * table.length) >>> 32);
                }
                for (int q = 0; q < loads; q++) {
                    sum += table[index[q]];
                }
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (sum == 42) {
            System.out.print("");
        }
        return seconds / YARDSTICK_BATCHES;
    }

    private static int[] list(String[] args, int a) {
        if (a >= args.length) {
            throw new IllegalArgumentException(args[a - 1] + " needs a comma-separated list");
        }
        return Arrays.stream(args[a].split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double slope(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int r = 0; r < x.length; r++) {
            sxy += (x[r] - mx) * (y[r] - my);
            sxx += (x[r] - mx) * (x[r] - mx);
        }
        return sxy / sxx;
    }
}
