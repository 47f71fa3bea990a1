package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import meanfield.grids.UniformGrid;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.nif.NifSolver;
import meanfield.solvers.time.TimeControl;

/**
 * Whole-run throughput of the NIF finite-volume solver on problem P1, single-threaded, with
 * the adaptive MPRK22 step at the solver's default tolerance (as {@code meanfield solve} runs it):
 * 512 x 128 cells to T = 1 and the problem's 400 x 64 cells to T = 5. Prints a Markdown table
 * with, as yardstick from the same JVM, the STREAM triad bandwidth over three arrays as large
 * as each run's working set (nine state-sized arrays, see {@link MemoryBandwidthBenchmark})
 * and over arrays beyond the caches.
 * <p>
 * Runs are timed as a user sees them, JIT compilation included: the first run warms the
 * solver's code for the second. {@code --quick} shortens both horizons to T = 0.1 and the
 * triad loops, as a smoke run; {@code --json FILE} also writes the figures for {@code meanfield bench}.
 */
public final class NifWholeRun {
    private static final double TOLERANCE = NifSolver.DEFAULT_TOLERANCE;
    private static final double QUICK_END = 0.1;

    private NifWholeRun() {
    }

    /** One whole run: a grid and a horizon. */
    private record Case(int vCells, int labelCells, double end) {
        int cells() {
            return vCells * labelCells;
        }
    }

    public static void main(String[] args) throws IOException {
        RunOptions options = RunOptions.parse("NifWholeRun", args);
        boolean quick = options.quick();
        Path json = options.json();
        Figures figures = new Figures("NifWholeRun");
        Case[] cases = {
            new Case(NifStepBenchmark.V_CELLS, NifStepBenchmark.LABEL_CELLS, quick ? QUICK_END : 1.0),
            new Case(P1Model.DEFAULT_V_CELLS, P1Model.DEFAULT_LABEL_CELLS, quick ? QUICK_END : P1Model.END),
        };
        double triadWarmup = quick ? 0.1 : 0.5;
        double triadSeconds = quick ? 0.2 : 1.0;

        System.out.println("| grid (v x labels) | T | wall s | steps (rejected) | wall s per unit T"
                + " | cell updates/s | triad GB/s at working set |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            UniformGrid v = P1Model.vGrid(c.vCells());
            UniformGrid labels = P1Model.labelGrid(c.labelCells());
            TimeControl control = new TimeControl(c.end(), P1Model.OUTPUT_EVERY, Double.NaN, TOLERANCE);
            long start = System.nanoTime();
            NifSolution solution = new NifSolver(P1Model.model(), v, labels, control).solve(1, progress -> { });
            double wall = (System.nanoTime() - start) * 1e-9;
            if (solution.failure().isPresent()) {
                throw new IllegalStateException("P1 at " + c + " failed: " + solution.failure().get());
            }
            // A rejected step costs as much as an accepted one, so both count as work done.
            int attempts = solution.steps() + solution.rejectedSteps();
            StreamTriad triad = new StreamTriad(3 * c.cells());
            double bandwidth = triad.gigabytesPerSecond(triadWarmup, triadSeconds);
            System.out.println(String.format(Locale.ROOT, "| %d x %d | %s | %.2f | %d (%d) | %.3f | %.3e | %.1f (%.1f MiB) |",
                    c.vCells(), c.labelCells(), c.end(), wall, solution.steps(), solution.rejectedSteps(),
                    wall / c.end(), (double) c.cells() * attempts / wall, bandwidth, triad.mebibytes()));
            String label = String.format(Locale.ROOT, "P1 finite volumes %d x %d to T = %s, adaptive MPRK22, 1 thread",
                    c.vCells(), c.labelCells(), c.end());
            String yardstick = String.format(Locale.ROOT, "STREAM triad at the working set (%.1f MiB)", triad.mebibytes());
            figures.add(label, "wall (JIT included), " + solution.steps() + " steps", wall, "s", null, Double.NaN, null,
                    Double.NaN);
            figures.add(label, "cell updates per second", (double) c.cells() * attempts / wall, "1/s", yardstick, bandwidth,
                    "GB/s", Double.NaN);
        }
        StreamTriad large = StreamTriad.ofKib(StreamTriad.BEYOND_CACHE_KIB);
        System.out.println();
        double beyond = large.gigabytesPerSecond(triadWarmup, triadSeconds);
        System.out.println(String.format(Locale.ROOT, "Triad beyond the caches (%.0f MiB): %.1f GB/s",
                large.mebibytes(), beyond));
        figures.add(String.format(Locale.ROOT, "STREAM triad, %.0f MiB", large.mebibytes()), "bandwidth beyond the caches",
                beyond, "GB/s", null, Double.NaN, null, Double.NaN);
        figures.write(json);
    }
}
