package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import meanfield.grids.UniformGrid;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.nif.NifSpectral;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.RecordedRun;
import meanfield.grids.LobattoElements;
import meanfield.solvers.nif.NifSolver;
import meanfield.solvers.time.TimeControl;

/**
 * Work against precision of the NIF solvers on P1 (issues #11 and #12), one thread: the error of the
 * firing rate r(T, xi), maximum over labels, against a spectral reference of high degree and tight
 * tolerance, and the wall time of each run. Series: the finite volumes' v grid refined at their
 * default tolerance, their tolerance tightened on a fine grid, and the spectral elements' degree
 * raised at a tight tolerance. Both solvers take the kernel sampled at the same 16 label centres
 * (periodic ring: the midpoint rule is spectral there), so the error is that of v and t alone.
 * {@code meanfield bench} draws the points as a log-log diagram.
 * <p>
 * Each run is timed after one untimed run of the same grid, so the times are of compiled code (a
 * user's first run adds JIT compilation, see {@link NifWholeRun}).
 * <p>
 * Usage: {@code NifWorkPrecision [--quick] [--json FILE]}; T = 1, {@code --quick} T = 0.2 and fewer points.
 * The figures' case is "SERIES: POINT" and each point has a "wall" and an "error" figure.
 */
public final class NifWorkPrecision {
    private static final int LABEL_CELLS = 16;
    private static final int REFERENCE_DEGREE = 36;
    private static final double REFERENCE_TOLERANCE = 1e-13;
    private static final double SPECTRAL_TOLERANCE = 1e-11;
    /** P1's v domain cut at v_R = 0 and at the drift's rest point 1.2, where the density peaks. */
    private static final double[] BREAKS = {-1.5, 0.0, 1.2, 3.5};
    static final String GRID_SERIES = "finite volumes: v grid at tolerance 1e-4";
    static final String TOLERANCE_SERIES = "finite volumes: tolerance at 800 v cells";
    static final String FINE_SERIES = "finite volumes: v grid at tolerance 1e-6";
    static final String SPECTRAL_SERIES = "spectral: degree at tolerance 1e-11";

    private NifWorkPrecision() {
    }

    public static void main(String[] args) throws IOException {
        RunOptions options = RunOptions.parse("NifWorkPrecision", args);
        boolean quick = options.quick();
        Path json = options.json();
        double end = quick ? 0.2 : 1.0;
        int[] grids = quick ? new int[] {50, 200} : new int[] {50, 100, 200, 400, 800};
        double[] tolerances = quick ? new double[] {1e-3, 1e-5} : new double[] {1e-2, 1e-3, 1e-4, 1e-5, 1e-6};

        int[] degrees = quick ? new int[] {8, 16} : new int[] {8, 12, 16, 20, 24};
        double[] reference = spectral(REFERENCE_DEGREE, REFERENCE_TOLERANCE, end).rate;
        Figures figures = new Figures("NifWorkPrecision");
        System.out.printf(Locale.ROOT, "P1 to T = %s, %d labels; reference: spectral elements %s of degree %d at"
                + " tolerance %s%n", end, LABEL_CELLS, java.util.Arrays.toString(BREAKS), REFERENCE_DEGREE,
                REFERENCE_TOLERANCE);
        System.out.println("| series | point | steps | wall s | max error of r(T) |");
        System.out.println("|---|---|---|---|---|");
        for (int cells : grids) {
            int c = cells;
            point(figures, GRID_SERIES, cells + " v cells", () -> solve(c, NifSolver.DEFAULT_TOLERANCE, end), reference);
        }
        for (double tolerance : tolerances) {
            point(figures, TOLERANCE_SERIES, String.format(Locale.ROOT, "tolerance %.0e", tolerance),
                    () -> solve(800, tolerance, end), reference);
        }
        // The finite volumes' error at 800 cells stops at its spatial floor (4e-5): finer grids at a tight tolerance.
        for (int cells : quick ? new int[0] : new int[] {1600, 3200}) {
            point(figures, FINE_SERIES, cells + " v cells", () -> solve(cells, 1e-6, end), reference);
        }
        for (int degree : degrees) {
            point(figures, SPECTRAL_SERIES, "degree " + degree, () -> spectral(degree, SPECTRAL_TOLERANCE, end), reference);
        }
        figures.write(json);
    }

    private static void point(Figures figures, String series, String point, java.util.function.Supplier<Run> solver,
            double[] reference) {
        solver.get();
        Run run = solver.get();
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

    /** P1 with its ring kernel sampled at the label centres, the coupling both solvers then share. */
    private static NifModel sampledModel() {
        NifModel p1 = P1Model.model();
        UniformGrid labels = P1Model.labelGrid(LABEL_CELLS);
        SynapticKernel.Function w = (SynapticKernel.Function) p1.kernel();
        double[] sampled = new double[LABEL_CELLS * LABEL_CELLS];
        for (int k = 0; k < LABEL_CELLS; k++) {
            for (int l = 0; l < LABEL_CELLS; l++) {
                sampled[k * LABEL_CELLS + l] = w.w().applyAsDouble(labels.center(k), labels.center(l));
            }
        }
        return new NifModel(p1.reset(), p1.sigma(), p1.drift(), p1.rate(), p1.threshold(),
                new SynapticKernel.CellAveraged(LABEL_CELLS, sampled), p1.initial());
    }

    private static Run spectral(int degree, double tolerance, double end) {
        long start = System.nanoTime();
        RecordedRun run;
        try (ColumnPool pool = new ColumnPool(1)) {
            NifSpectral system = new NifSpectral(sampledModel(), new LobattoElements(BREAKS, degree),
                    P1Model.labelGrid(LABEL_CELLS), pool);
            run = RecordedRun.of(system, null, new TimeControl(end, end, Double.NaN, tolerance), progress -> { });
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        if (run.outcome().failure().isPresent()) {
            throw new IllegalStateException("P1 at degree " + degree + " failed: " + run.outcome().failure().get());
        }
        return new Run(run.result().get("rate", run.result().outputCount() - 1), wall, (int) run.outcome().steps());
    }

    private static Run solve(int vCells, double tolerance, double end) {
        UniformGrid v = P1Model.vGrid(vCells);
        UniformGrid labels = P1Model.labelGrid(LABEL_CELLS);
        long start = System.nanoTime();
        NifSolution solution = new NifSolver(sampledModel(), v, labels, new TimeControl(end, end, Double.NaN, tolerance))
                .solve(1, progress -> { });
        double wall = (System.nanoTime() - start) * 1e-9;
        if (solution.failure().isPresent()) {
            throw new IllegalStateException("P1 at " + vCells + " cells failed: " + solution.failure().get());
        }
        return new Run(solution.rate(solution.outputCount() - 1), wall, solution.steps());
    }
}
