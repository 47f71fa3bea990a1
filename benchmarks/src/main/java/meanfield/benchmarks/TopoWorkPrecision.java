package meanfield.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.TimeControl;
import meanfield.solvers.topo.TopoFiniteVolume;
import meanfield.solvers.topo.TopoSolution;
import meanfield.solvers.topo.TopoSolver;

/**
 * Work against precision of the TOPO solvers on P2 (issue #12), one thread, to P2's horizon: the
 * error of the node densities f_k(T, x) against a spectral reference of many nodes and tight
 * tolerance, and the wall time of each run. All runs use P2's 32 velocity nodes, so the solvers
 * differ in x and t only.
 * <p>
 * The error is the maximum over the velocity nodes and over {@value #COMPARISON_CELLS} equal cells of
 * |cell average of f_k(T) - the reference's|. One norm for both solvers: the finite volumes' unknowns
 * are cell averages, merged into the comparison cells exactly; the spectral solutions are
 * trigonometric interpolants, averaged over those cells exactly ({@link PeriodicCellAverages}).
 * The finite volumes' error on their own cells is printed too, for their observed order.
 * <p>
 * Series: the finite volumes' x grid refined at their default step (the positivity limit, also their
 * largest: they have no tolerance), that step divided at one grid (which shows how much of their
 * error is in t), the spectral solver's nodes raised at a tight tolerance, its tolerance tightened at
 * one node count, and P2 as {@code meanfield solve topo-1d} runs it. The table also gives the least
 * density of each run (min f): the finite volumes keep f >= 0, the spectral solver does not promise it. Each run is timed after one untimed run of the same case, so the
 * times are of compiled code (a user's first run adds JIT compilation, see {@link TopoWholeRun}). The
 * diagram plots wall time; the thread's CPU time is recorded beside it, since on a shared machine it
 * is what the wall time would be on an idle core.
 * Before the points, the reference is compared with a second one of fewer nodes and a looser
 * tolerance: their difference bounds what the errors below it can mean.
 * <p>
 * Usage: {@code TopoWorkPrecision [--quick] [--json FILE]}; {@code --quick} runs to T = 0.5 with
 * fewer points. The figures' case is "SERIES: POINT" and each point has a "wall" and an "error"
 * figure; the reference check is the case {@value #REFERENCE_CASE}.
 */
public final class TopoWorkPrecision {
    static final int COMPARISON_CELLS = 32;
    static final String REFERENCE_CASE = "reference check";
    private static final double QUICK_END = 0.5;
    static final String GRID_SERIES = "finite volumes: x grid at the positivity step";
    static final String STEP_SERIES = "finite volumes: step at ";
    static final String SPECTRAL_SERIES = "spectral: nodes at tolerance ";
    static final String TOLERANCE_SERIES = "spectral: tolerance at ";
    static final String SHIPPED_SERIES = "spectral: P2 as shipped";

    private TopoWorkPrecision() {
    }

    /** The points of one run: the full set or the smoke run's. */
    private record Plan(double end, int referenceNodes, double referenceTolerance, int checkNodes, double checkTolerance,
            int[] grids, int stepGrid, int[] stepDivisors, int[] nodes, double nodeTolerance, int toleranceNodes,
            double[] tolerances, boolean shipped) {
    }

    private static Plan plan(boolean quick) {
        if (quick) {
            return new Plan(QUICK_END, 64, 1e-13, 48, 1e-12, new int[] {32, 64}, 64, new int[] {1, 2}, new int[] {16, 32},
                    1e-12, 32, new double[] {1e-5, 1e-9}, false);
        }
        // Tolerances stop at 1e-12, whose time error (about 2e-12) stays ten times above the reference check.
        return new Plan(TopoModels.P2_END, 256, 1e-14, 128, 1e-13, new int[] {32, 64, 128, 256, 512}, 128,
                new int[] {1, 2, 4}, new int[] {16, 20, 24, 32, 40, 48, 64}, 1e-12, 64,
                new double[] {1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-12}, true);
    }

    public static void main(String[] args) throws IOException {
        RunOptions options = RunOptions.parse("TopoWorkPrecision", args);
        Plan plan = plan(options.quick());
        TopoModel p2 = TopoModels.p2();
        int nvel = p2.velocityCount();
        double end = plan.end();
        Run reference = spectral(p2, plan.referenceNodes(), plan.referenceTolerance(), end);
        Run check = spectral(p2, plan.checkNodes(), plan.checkTolerance(), end);
        double[] exact = PeriodicCellAverages.ofInterpolant(reference.density, reference.n, nvel, COMPARISON_CELLS);
        double referenceDifference = maxDifference(exact,
                PeriodicCellAverages.ofInterpolant(check.density, check.n, nvel, COMPARISON_CELLS));
        Figures figures = new Figures("TopoWorkPrecision");
        // No '|' in it: the unit goes into the cells of BENCHMARKS.md's tables.
        String norm = "max over v nodes and " + COMPARISON_CELLS + " cells of the cell-average error of f_k(T)";
        figures.add(REFERENCE_CASE, String.format(Locale.ROOT, "spectral %d nodes at %.0e against %d at %.0e", check.n,
                plan.checkTolerance(), reference.n, plan.referenceTolerance()), referenceDifference, norm, null,
                Double.NaN, null, Double.NaN);
        System.out.printf(Locale.ROOT, "P2 to T = %s, %d velocity nodes, 1 thread; error: %s%n", end, nvel, norm);
        System.out.printf(Locale.ROOT, "reference: spectral, %d nodes, tolerance %.0e (%d steps, %.1f s); against %d"
                + " nodes at %.0e (%d steps): %.2e%n", reference.n, plan.referenceTolerance(), reference.steps,
                reference.wall, check.n, plan.checkTolerance(), check.steps, referenceDifference);
        System.out.println("| series | point | steps | wall s | CPU s | error | finite volumes on their own cells: max, L1 | min f |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Points points = new Points(figures, norm, exact, reference, nvel);
        for (int cells : plan.grids()) {
            points.add(GRID_SERIES, cells + " cells", () -> finiteVolumes(p2, cells, 1, end));
        }
        for (int divisor : plan.stepDivisors()) {
            points.add(STEP_SERIES + plan.stepGrid() + " cells", divisor == 1 ? "positivity limit" : "limit / " + divisor,
                    () -> finiteVolumes(p2, plan.stepGrid(), divisor, end));
        }
        String nodeSeries = String.format(Locale.ROOT, "%s%.0e", SPECTRAL_SERIES, plan.nodeTolerance());
        for (int n : plan.nodes()) {
            points.add(nodeSeries, n + " nodes", () -> spectral(p2, n, plan.nodeTolerance(), end));
        }
        for (double tolerance : plan.tolerances()) {
            points.add(TOLERANCE_SERIES + plan.toleranceNodes() + " nodes", String.format(Locale.ROOT, "tolerance %.0e",
                    tolerance), () -> spectral(p2, plan.toleranceNodes(), tolerance, end));
        }
        if (plan.shipped()) {
            // What `meanfield solve topo-1d --threads 1` runs: its nodes and tolerance.
            PublicProblems.Topo shipped = PublicProblems.topo1d();
            points.add(SHIPPED_SERIES, String.format(Locale.ROOT, "%d nodes, tolerance %.0e", shipped.cells(),
                    shipped.time().tolerance()), () -> spectral(p2, shipped.cells(), shipped.time().tolerance(), end));
        }
        figures.write(options.json());
    }

    /** One solve: f_k(T) point-major on n cells or nodes. */
    private record Run(double[] density, int n, boolean spectral, double wall, double cpu, int steps, double minDensity) {
    }

    /** Times each case's second run, measures its error and records both. */
    private record Points(Figures figures, String norm, double[] exact, Run reference, int nvel) {
        void add(String series, String point, Supplier<Run> solver) {
            solver.get();
            Run run = solver.get();
            double[] averages = run.spectral
                    ? PeriodicCellAverages.ofInterpolant(run.density, run.n, nvel, COMPARISON_CELLS)
                    : PeriodicCellAverages.merged(run.density, run.n, nvel, COMPARISON_CELLS);
            double error = maxDifference(averages, exact);
            String own = "";
            if (!run.spectral) {
                double[] onOwnCells = PeriodicCellAverages.ofInterpolant(reference.density, reference.n, nvel, run.n);
                own = String.format(Locale.ROOT, "%.3e, %.3e", maxDifference(run.density, onOwnCells),
                        l1Difference(run.density, onOwnCells, 1.0 / run.n));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3e | %s | %.2e |%n", series, point,
                    run.steps, run.wall, run.cpu, error, own, run.minDensity);
            String label = series + ": " + point;
            figures.add(label, "wall", run.wall, "s", null, Double.NaN, null, Double.NaN);
            figures.add(label, "CPU time", run.cpu, "s", null, Double.NaN, null, Double.NaN);
            figures.add(label, "error", error, norm, null, Double.NaN, null, Double.NaN);
        }
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** sum over velocity nodes and cells of |a - b| h: the L1 norm in x of the error, summed over v nodes. */
    private static double l1Difference(double[] a, double[] b, double h) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum * h;
    }

    private static Run spectral(TopoModel model, int nodes, double tolerance, double end) {
        return solve(model, TopoSolver.Method.SPECTRAL, nodes, new TimeControl(end, end, Double.NaN, tolerance));
    }

    /** Finite volumes at their positivity step limit divided by {@code divisor} (1: their default step). */
    private static Run finiteVolumes(TopoModel model, int cells, int divisor, double end) {
        double limit;
        try (ColumnPool pool = new ColumnPool(1)) {
            limit = ((TopoFiniteVolume) TopoSolver.discretize(model, TopoSolver.Method.FINITE_VOLUME, cells, pool))
                    .positiveStepLimit();
        }
        // The tolerance is not used: SSP-RK2 has no error estimate.
        TimeControl control = divisor == 1 ? new TimeControl(end, end, Double.NaN, 1.0)
                : new TimeControl(end, end, limit / divisor, 1.0);
        return solve(model, TopoSolver.Method.FINITE_VOLUME, cells, control);
    }

    private static Run solve(TopoModel model, TopoSolver.Method method, int n, TimeControl control) {
        // One thread: the pool runs on this one, so its CPU time is the run's, whatever else shares the machine.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        TopoSolution solution = new TopoSolver(model, method, n, control).solve(1, progress -> { });
        double wall = (System.nanoTime() - start) * 1e-9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
        if (solution.failure().isPresent()) {
            throw new IllegalStateException("P2 " + method + " at n = " + n + " failed: " + solution.failure().get());
        }
        return new Run(solution.density(solution.outputCount() - 1), n, method == TopoSolver.Method.SPECTRAL, wall, cpu,
                solution.steps(), solution.minDensity());
    }
}
