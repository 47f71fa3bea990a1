package meanfield.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import meanfield.solvers.model.TopoModel;
import meanfield.validation.topo.TopoSimulator;
import meanfield.validation.topo.TopoTimeStepped;

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
 * <p>
 * Each size also runs the approximate time-stepped method ({@code TopoTimeStepped}: the rank law on the
 * configuration frozen at each step start, one sort per step) for each step dt, on the same data and
 * against the same yardstick, right after the exact run, so that the two methods alternate in one JVM.
 * <p>
 * Usage: {@code TopoParticlesRun [--quick] [--velocities g,g,...] [--sizes N,N,...] [--dt dt,dt,...] [--json FILE]};
 * defaults 32,4,2, 10^4,10^5,10^6 and dt 0.05,0.01; {@code --quick} runs 2,32 at 10^4 and 3x10^4 only; {@code --json FILE}
 * also writes the figures for {@code meanfield bench}.
 * <p>
 * Results of these runs (P2 to T = 1, thread CPU time; first taken with TopoThroughput, the same
 * runs without the yardstick, which this benchmark replaced) on the 2-core shared development
 * machine, where the load moves them by 10-20%; they used to sit in the class comment of
 * {@code meanfield.validation.topo.TopoParticles}:
 * <ul>
 * <li>1D, g = 32: about 1.1e5 events/s at N = 10^4, where all fits in L2 and the time is the
 * arithmetic per group and evaluation (the final enumeration about half of it), and 4.5e4 to 5e4
 * events/s at N = 10^6, where cache misses take more than half;</li>
 * <li>1D at N = 10^6, g = 4: 1.6e5 to 2.2e5 events/s; g = 2: 2.3e5 to 2.7e5;</li>
 * <li>2D P3 (g = 16): about 3e3 events/s at N = 10^4 (not from this benchmark, which runs P2
 * only: an earlier whole run of P3 on the same machine);</li>
 * <li>tuning of the cell grids by paired runs of 1D P2, g = 32: an occupancy of 0.25 particles per
 * cell with 2 inline slots was best; 0.125 with 1 slot, 0.5 with 2 or 3 and 1 with 4 were 0 to 25%
 * slower at N = 10^6 and up to 70% at N = 10^4. A third prefix level (cutting the counters updated
 * per link or unlink from about 1500 to a few hundred at g = 2, N = 10^6, C = 2^21) gained
 * nothing, each prefix then costing a third load.</li>
 * </ul>
 */
public final class TopoParticlesRun {
    private static final int YARDSTICK_BATCHES = 2_000_000;

    private TopoParticlesRun() {
    }

    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path json = null;
        int[] velocities = {32, 4, 2};
        int[] sizes = {10_000, 100_000, 1_000_000};
        double[] steps = {0.05, 0.01};
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--quick" -> {
                    velocities = new int[] {2, 32};
                    sizes = new int[] {10_000, 30_000};
                }
                case "--velocities" -> velocities = list(args, ++a);
                case "--sizes" -> sizes = list(args, ++a);
                case "--dt" -> steps = Arrays.stream(args[++a].split(",")).mapToDouble(Double::parseDouble).toArray();
                case "--json" -> json = Figures.path(args, ++a);
                default -> {
                    System.err.println("usage: TopoParticlesRun [--quick] [--velocities g,g,...] [--sizes N,N,...]"
                            + " [--dt dt,dt,...] [--json FILE]");
                    System.exit(2);
                }
            }
        }
        // A warm-up run so that the timed ones measure compiled code.
        new TopoSimulator(TopoModels.p2(), 20_000, 7).advance(1.0);
        new TopoTimeStepped(TopoModels.p2(), 20_000, steps[steps.length - 1], 7).advance(1.0);
        System.out.println("| method | g | N | events | setup s | wall s | CPU s | events/s (CPU) | us per event (CPU) |"
                + " yardstick: g random loads, us | event / yardstick |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Figures figures = new Figures("TopoParticlesRun");
        for (int g : velocities) {
            TopoModel model = TopoModels.p2(g);
            // Per method (exact, then each dt): log N and log cost per event, for the exponent in N.
            double[][] logN = new double[1 + steps.length][sizes.length];
            double[][] logCost = new double[1 + steps.length][sizes.length];
            for (int r = 0; r < sizes.length; r++) {
                int n = sizes[r];
                double yardstick = randomLoads(32L * n, g);
                // Exact first, then the time-stepped runs, at each size: alternating methods in one JVM.
                for (int m = 0; m <= steps.length; m++) {
                    double dt = m == 0 ? Double.NaN : steps[m - 1];
                    long start = System.nanoTime();
                    TopoSimulator exact = m == 0 ? new TopoSimulator(model, n, 1) : null;
                    TopoTimeStepped stepped = m == 0 ? null : new TopoTimeStepped(model, n, dt, 1);
                    double setup = (System.nanoTime() - start) * 1e-9;
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    start = System.nanoTime();
                    if (exact != null) {
                        exact.advance(1.0);
                    } else {
                        stepped.advance(1.0);
                    }
                    double wall = (System.nanoTime() - start) * 1e-9;
                    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
                    long events = exact != null ? exact.events() : stepped.events();
                    double perEvent = cpu / events;
                    String method = m == 0 ? "exact" : String.format(Locale.ROOT, "time-stepped dt = %s (approximate)", dt);
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f | %.2f | %.3g | %.2f | %.3f | %.1f |%n",
                            method, g, n, events, setup, wall, cpu, events / cpu, 1e6 * perEvent, 1e6 * yardstick,
                            perEvent / yardstick);
                    figures.add(String.format(Locale.ROOT, "topological 1D, %s, P2 data, g = %d, N = %d, T = 1 (%d events)",
                            method, g, n, events), "CPU time per event", 1e6 * perEvent, "us",
                            String.format(Locale.ROOT, "%d random loads from %.1f MiB", g, 32.0 * n / (1 << 20)),
                            1e6 * yardstick, "us", perEvent / yardstick);
                    logN[m][r] = Math.log(n);
                    logCost[m][r] = Math.log(perEvent);
                }
            }
            if (sizes.length > 1) {
                System.out.println();
                for (int m = 0; m <= steps.length; m++) {
                    System.out.printf(Locale.ROOT, "- g = %d, %s: CPU cost per event ~ N^%.2f (N = %s)%n", g,
                            m == 0 ? "exact" : "time-stepped dt = " + steps[m - 1], slope(logN[m], logCost[m]),
                            Arrays.toString(sizes));
                }
                System.out.println();
            }
        }
        figures.write(json);
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
