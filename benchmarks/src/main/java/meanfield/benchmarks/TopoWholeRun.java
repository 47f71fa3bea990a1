package meanfield.benchmarks;

import java.util.Locale;
import java.util.SplittableRandom;

import org.jtransforms.fft.DoubleFFT_1D;

import meanfield.grids.PeriodicCells;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.time.TimeControl;
import meanfield.solvers.topo.GainProduct;
import meanfield.solvers.topo.TopoSolution;
import meanfield.solvers.topo.TopoSolver;
import meanfield.solvers.topo.TopoSpectral;

/**
 * Whole runs of the TOPO solvers as {@code meanfield solve} runs them (default steps), timed
 * with JIT compilation included: P2 (1D, 32 velocities, T = 2) spectral at 256 nodes and finite
 * volumes at 256 cells; P3 (2D, 16 velocities, T = 1) finite volumes at 32^2 and 64^2 cells.
 * Prints a Markdown table with the wall time per right-hand-side evaluation (SSP-RK2: 2 per
 * step, Lawson RK4: 4) beside its yardstick from the same JVM: for finite volumes the gain's
 * dense product alone ({@link GainProduct} over all blocks, the W build excluded), for the
 * spectral solver the raw JTransforms FFTs one evaluation performs (see
 * {@link TopoSpectralBenchmark}).
 * <p>
 * Usage: {@code TopoWholeRun [--quick] [--threads N] [--json FILE]}; {@code --quick} stops every run at
 * T = 0.05, as a smoke run. One thread by default. {@code --json FILE} also writes the figures for
 * {@code meanfield bench}.
 */
public final class TopoWholeRun {
    private static final double QUICK_END = 0.05;
    private static final int YARDSTICK_REPEATS = 5;

    private TopoWholeRun() {
    }

    /** One whole run. */
    private record Case(String problem, TopoModel model, TopoSolver.Method method, int n, double end) {
    }

    public static void main(String[] args) throws java.io.IOException {
        boolean quick = false;
        int threads = 1;
        java.nio.file.Path json = null;
        for (int a = 0; a < args.length; a++) {
            if (args[a].equals("--quick")) {
                quick = true;
            } else if (args[a].equals("--threads") && a + 1 < args.length) {
                threads = Integer.parseInt(args[++a]);
            } else if (args[a].equals("--json")) {
                json = Figures.path(args, ++a);
            } else {
                System.err.println("usage: TopoWholeRun [--quick] [--threads N] [--json FILE]");
                System.exit(2);
            }
        }
        Case[] cases = {
            new Case("P2", TopoModels.p2(), TopoSolver.Method.SPECTRAL, 256, quick ? QUICK_END : TopoModels.P2_END),
            new Case("P2", TopoModels.p2(), TopoSolver.Method.FINITE_VOLUME, 256, quick ? QUICK_END : TopoModels.P2_END),
            new Case("P3", TopoModels.p3(), TopoSolver.Method.FINITE_VOLUME, 32, quick ? QUICK_END : TopoModels.P3_END),
            new Case("P3", TopoModels.p3(), TopoSolver.Method.FINITE_VOLUME, 64, quick ? QUICK_END : TopoModels.P3_END),
        };
        System.out.println("| problem | method | grid | T | threads | wall s | steps | ms per RHS | yardstick ms per RHS | mass error |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        Figures figures = new Figures("TopoWholeRun");
        for (Case c : cases) {
            TimeControl control = new TimeControl(c.end(), c.end() / 10, Double.NaN, 1.0);
            long start = System.nanoTime();
            TopoSolution solution = new TopoSolver(c.model(), c.method(), c.n(), control).solve(threads, t -> { });
            double wall = (System.nanoTime() - start) * 1e-9;
            if (solution.failure().isPresent()) {
                throw new IllegalStateException(c + " failed: " + solution.failure().get());
            }
            boolean spectral = c.method() == TopoSolver.Method.SPECTRAL;
            int evaluations = solution.steps() * (spectral ? 4 : 2);
            double yardstick = spectral ? rawFfts(c.n(), c.model().velocityCount())
                    : gainProduct(new PeriodicCells(c.model().dimension(), c.n()).count(), c.model().velocityCount());
            String grid = c.model().dimension() == 1 ? Integer.toString(c.n()) : c.n() + "^" + c.model().dimension();
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %.2f | %d | %.3f | %.3f (%s) | %.1e |",
                    c.problem(), spectral ? "spectral" : "finite volume", grid, c.end(), threads, wall, solution.steps(),
                    wall / evaluations * 1e3, yardstick * 1e3, spectral ? "raw FFTs" : "gain product", solution.massErrorMax()));
            String label = String.format(Locale.ROOT, "%s %s, %s, T = %s, %d thread(s), %d steps", c.problem(),
                    spectral ? "spectral" : "finite volumes", grid, c.end(), threads, solution.steps());
            String what = spectral ? "raw JTransforms FFTs of one evaluation" : "the gain's dense product alone (blocked Java)";
            figures.add(label, "wall (JIT included)", wall, "s", null, Double.NaN, null, Double.NaN);
            figures.add(label, "time per right-hand side", wall / evaluations * 1e3, "ms", what, yardstick * 1e3, "ms",
                    wall / evaluations / yardstick);
        }
        figures.write(json);
    }

    /** Best time of the dense product of an evaluation on one thread, in blocks of 128 rows. */
    private static double gainProduct(int cells, int nvel) {
        int block = Math.min(128, cells);
        SplittableRandom random = new SplittableRandom(1);
        double[][] columns = new double[cells][block];
        for (double[] column : columns) {
            for (int b = 0; b < block; b++) {
                column[b] = random.nextDouble();
            }
        }
        double[] f = random.doubles(cells * nvel).toArray();
        double[][] product = new double[nvel][block];
        double best = Double.POSITIVE_INFINITY;
        for (int repeat = 0; repeat < YARDSTICK_REPEATS; repeat++) {
            long start = System.nanoTime();
            for (int first = 0; first < cells; first += block) {
                GainProduct.multiply(columns, Math.min(block, cells - first), f, nvel, product);
            }
            best = Math.min(best, (System.nanoTime() - start) * 1e-9);
        }
        return best;
    }

    /** Best time of the raw FFTs of size n that one spectral evaluation performs. */
    private static double rawFfts(int n, int nvel) {
        int radial = TopoSpectral.defaultRadialNodes(n);
        int transforms = nvel + 2 * radial + nvel * radial + 1 + nvel;
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        double[] line = new double[n];
        double best = Double.POSITIVE_INFINITY;
        for (int repeat = 0; repeat < YARDSTICK_REPEATS; repeat++) {
            long start = System.nanoTime();
            for (int t = 0; t < transforms; t++) {
                line[0] = t;
                fft.realInverse(line, true);
            }
            best = Math.min(best, (System.nanoTime() - start) * 1e-9);
        }
        return best;
    }
}
