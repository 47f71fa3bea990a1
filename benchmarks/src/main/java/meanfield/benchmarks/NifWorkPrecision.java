package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import meanfield.grids.UniformGrid;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.nif.NifSolver;
import meanfield.solvers.time.TimeControl;

/**
 * Work against precision of the NIF finite-volume solver on P1 (issue #12, item 7), one thread:
 * the error of the firing rate r(T, xi), maximum over labels, against a reference run on a finer v
 * grid with a tighter step tolerance, and the wall time of each run. Two series: the v grid refined
 * at the solver's default tolerance (where the spatial error shows), and the tolerance tightened on
 * a fine grid (where the time error shows). The label grid is the same in every run, so the error
 * is that of v and t alone. {@code meanfield bench} draws the points as a log-log diagram.
 * <p>
 * Each run is timed after one untimed run of the same grid, so the times are of compiled code (a
 * user's first run adds JIT compilation, see {@link NifWholeRun}).
 * <p>
 * Usage: {@code NifWorkPrecision [--quick] [--json FILE]}; T = 1, {@code --quick} T = 0.2 and fewer points.
 * The figures' case is "SERIES: POINT" and each point has a "wall" and an "error" figure.
 */
public final class NifWorkPrecision {
    private static final int LABEL_CELLS = 16;
    private static final int REFERENCE_V_CELLS = 1600;
    private static final double REFERENCE_TOLERANCE = 1e-7;
    static final String GRID_SERIES = "v grid at tolerance 1e-4";
    static final String TOLERANCE_SERIES = "tolerance at 800 v cells";

    private NifWorkPrecision() {
    }

    public static void main(String[] args) throws IOException {
        RunOptions options = RunOptions.parse("NifWorkPrecision", args);
        boolean quick = options.quick();
        Path json = options.json();
        double end = quick ? 0.2 : 1.0;
        int[] grids = quick ? new int[] {50, 200} : new int[] {50, 100, 200, 400, 800};
        double[] tolerances = quick ? new double[] {1e-3, 1e-5} : new double[] {1e-2, 1e-3, 1e-4, 1e-5, 1e-6};

        double[] reference = solve(REFERENCE_V_CELLS, REFERENCE_TOLERANCE, end).rate;
        Figures figures = new Figures("NifWorkPrecision");
        System.out.printf(Locale.ROOT, "P1 to T = %s, %d labels; reference %d v cells at tolerance %s%n", end, LABEL_CELLS,
                REFERENCE_V_CELLS, REFERENCE_TOLERANCE);
        System.out.println("| series | point | steps | wall s | max error of r(T) |");
        System.out.println("|---|---|---|---|---|");
        for (int cells : grids) {
            point(figures, GRID_SERIES, cells + " v cells", cells, NifSolver.DEFAULT_TOLERANCE, end, reference);
        }
        for (double tolerance : tolerances) {
            point(figures, TOLERANCE_SERIES, String.format(Locale.ROOT, "tolerance %.0e", tolerance), 800, tolerance, end,
                    reference);
        }
        figures.write(json);
    }

    private static void point(Figures figures, String series, String point, int cells, double tolerance, double end,
            double[] reference) {
        solve(cells, tolerance, end);
        Run run = solve(cells, tolerance, end);
        double error = 0;
        for (int l = 0; l < reference.length; l++) {
            error = Math.max(error, Math.abs(run.rate[l] - reference[l]));
        }
        String label = series + ": " + point;
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3e |%n", series, point, run.steps, run.wall, error);
        figures.add(label, "wall", run.wall, "s", null, Double.NaN, null, Double.NaN);
        figures.add(label, "error", error, "max over labels of |r - r_ref| at T", null, Double.NaN, null, Double.NaN);
    }

    private record Run(double[] rate, double wall, int steps) {
    }

    private static Run solve(int vCells, double tolerance, double end) {
        UniformGrid v = P1Model.vGrid(vCells);
        UniformGrid labels = P1Model.labelGrid(LABEL_CELLS);
        long start = System.nanoTime();
        NifSolution solution = new NifSolver(P1Model.model(), v, labels, new TimeControl(end, end, Double.NaN, tolerance))
                .solve(1, progress -> { });
        double wall = (System.nanoTime() - start) * 1e-9;
        if (solution.failure().isPresent()) {
            throw new IllegalStateException("P1 at " + vCells + " cells failed: " + solution.failure().get());
        }
        return new Run(solution.rate(solution.outputCount() - 1), wall, solution.steps());
    }
}
