package meanfield.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import meanfield.solvers.mv.MvModel;
import meanfield.validation.mv.MvParticleRun;
import meanfield.validation.mv.MvSimulator;

/**
 * Whole runs of the McKean–Vlasov particles (MODEL.md 3) on one thread: P4 (Kf(x) = -sin(2 pi x),
 * sigma = 0.02, f0 = 1 + 0.2 cos(2 pi x)) and the same with the broader interaction
 * Kf(x) = -sin(2 pi x) exp(2 cos(2 pi x)), which needs more Fourier modes M, at dt = 1e-3 to
 * T = 0.2 (200 steps): particle-steps per second. The yardstick, in the same JVM, is a sweep over
 * the arrays a step must at least touch (read and write the positions, write the drift): 24 bytes
 * per particle and step at the measured memory speed.
 * <p>
 * Usage: {@code MvParticlesRun [--quick] [--json FILE]}; N = 10^5 and 10^6, {@code --quick} 10^4 only;
 * {@code --json FILE} also writes the figures for {@code meanfield bench}.
 */
public final class MvParticlesRun {
    private static final double DT = 1e-3;
    private static final double END = 0.2;

    private MvParticlesRun() {
    }

    public static void main(String[] args) throws java.io.IOException {
        RunOptions options = RunOptions.parse("MvParticlesRun", args);
        boolean quick = options.quick();
        java.nio.file.Path json = options.json();
        int[] sizes = quick ? new int[] {10_000} : new int[] {100_000, 1_000_000};
        DoubleUnaryOperator initial = x -> 1 + 0.2 * Math.cos(2 * Math.PI * x);
        MvModel p4 = MvModel.oneDimensional(0.02, x -> -Math.sin(2 * Math.PI * x), initial);
        MvModel broad = MvModel.oneDimensional(0.02,
                x -> -Math.sin(2 * Math.PI * x) * Math.exp(2 * Math.cos(2 * Math.PI * x)), initial);
        // Warm-up, so that the timed runs measure compiled code.
        run(p4, 20_000);
        System.out.println("| interaction | N | modes M | wall s | CPU s | particle-steps/s (CPU) | ns per particle-step |"
                + " yardstick: array sweep, ns per particle-step |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Figures figures = new Figures("MvParticlesRun");
        for (int n : sizes) {
            report("P4: -sin(2 pi x)", p4, n, figures);
            report("-sin(2 pi x) exp(2 cos(2 pi x))", broad, n, figures);
        }
        figures.write(json);
    }

    private static void report(String name, MvModel model, int n, Figures figures) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        MvParticleRun run = run(model, n);
        double wall = (System.nanoTime() - start) * 1e-9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
        double particleSteps = (double) n * run.steps();
        double perStep = 1e9 * cpu / particleSteps;
        double floor = 1e9 * sweep(n);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.3g | %.1f | %.2f |%n", name, n, run.modes(), wall,
                cpu, particleSteps / cpu, perStep, floor);
        figures.add(String.format(Locale.ROOT, "MV, Kf = %s, N = %d, M = %d modes, dt = %s, T = %s", name, n, run.modes(), DT,
                END), "CPU time per particle-step", perStep, "ns", "array sweep (read/write x, write drift)", floor, "ns",
                perStep / floor);
    }

    private static MvParticleRun run(MvModel model, int n) {
        MvParticleRun run = new MvSimulator(model, new MvSimulator.Settings(n, END, DT, END, 16, 1)).simulate(1,
                fraction -> {
                });
        if (run.failure().isPresent()) {
            throw new IllegalStateException("the run failed: " + run.failure().get());
        }
        return run;
    }

    /** Seconds per particle of one pass that reads and writes x and writes a drift array, best of 20. */
    private static double sweep(int n) {
        double[] x = new double[n];
        double[] drift = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (double) i / n;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int pass = 0; pass < 20; pass++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                drift[i] = 0.5 * x[i];
                x[i] += 1e-9 * drift[i];
            }
            best = Math.min(best, (System.nanoTime() - start) * 1e-9);
        }
        if (x[n / 2] == 42) {
            System.out.print("");
        }
        return best / n;
    }
}
