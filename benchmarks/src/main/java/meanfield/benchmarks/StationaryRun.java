package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;

import meanfield.grids.LobattoElements;
import meanfield.grids.UniformGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.nif.NifContinuation;
import meanfield.solvers.nif.NifSpectral;
import meanfield.solvers.nif.NifStability;
import meanfield.solvers.nif.NifStationary;
import meanfield.solvers.parallel.ColumnPool;

/**
 * Stationary states of the NIF limit (issue #11), one thread, compiled code (each case is run once
 * untimed first):
 * <ul>
 * <li>P1's stationary state on the spectral elements of {@code stationary nif-ring} (64 labels,
 * degree 24 on 4 elements): Newton, then the leading eigenvalues;</li>
 * <li>the continuation of nnlif-bistable in J0 from 0 to 4.5 with 40 nominal steps (degree 32 on
 * 6 elements, as the built-in problem), the discretization built in-process for each J0 (the
 * command also re-reads the problem file, which this leaves out).</li>
 * </ul>
 * Yardstick in the same process: Hipparchus' LU of the same dense per-label blocks (one set of
 * factorizations, the work of one Newton iteration), so the ratio counts how many such sets a
 * whole solve costs. {@code --quick} runs P1 on 8 labels and a 10-step continuation.
 */
public final class StationaryRun {
    private StationaryRun() {
    }

    public static void main(String[] args) throws IOException {
        RunOptions options = RunOptions.parse("StationaryRun", args);
        boolean quick = options.quick();
        Path json = options.json();
        Figures figures = new Figures("StationaryRun");
        int labels = quick ? 8 : 64;
        int steps = quick ? 10 : 40;
        try (ColumnPool pool = new ColumnPool(1)) {
            PublicProblems.Nif ring = PublicProblems.nifRing();
            // As the problem file's grid.v.elements = 4 share them by length: one left of v_R = 0, three right.
            LobattoElements v = new LobattoElements(LobattoElements.breakpoints(new double[] {-1.5, 0.0, 3.5},
                    new int[] {1, 3}), 24);
            NifSpectral system = new NifSpectral(ring.model(), v, UniformGrid.unitInterval(labels), pool);
            double[] times = stationary(system, pool);
            stationary(system, pool);
            times = stationary(system, pool);
            double yardstick = factorizations(labels, system.columnSize());
            factorizations(labels, system.columnSize());
            yardstick = factorizations(labels, system.columnSize());
            String label = String.format(Locale.ROOT, "P1 stationary state, spectral degree 24 x 4 elements, %d labels",
                    labels);
            String stick = String.format(Locale.ROOT, "Hipparchus LU of %d dense %d x %d blocks", labels,
                    system.columnSize(), system.columnSize());
            System.out.println("| case | Newton s | eigenvalues s | yardstick s | ratio |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.4f | %.1f |%n", label, times[0], times[1], yardstick,
                    (times[0] + times[1]) / yardstick);
            figures.add(label, "Newton (3 iterations)", times[0], "s", stick, yardstick, "s", times[0] / yardstick);
            figures.add(label, "leading eigenvalues (Arnoldi)", times[1], "s", stick, yardstick, "s",
                    times[1] / yardstick);

            LobattoElements bistable = new LobattoElements(LobattoElements.breakpoints(new double[] {-1.5, 0.0, 1.0},
                    new int[] {4, 2}), 32);
            continuation(bistable, steps, pool);
            long start = System.nanoTime();
            NifContinuation.Branch branch = continuation(bistable, steps, pool);
            double wall = (System.nanoTime() - start) * 1e-9;
            double blocks = factorizations(1, bistable.size() - 1);
            String caseLabel = String.format(Locale.ROOT, "nnlif-bistable continuation in J0 from 0 to 4.5, %d steps,"
                    + " degree 32 x 6 elements", steps);
            System.out.printf(Locale.ROOT, "| %s: %d states, folds %s | %.3f (whole branch) | | %.5f | %.0f |%n",
                    caseLabel, branch.points().size(), branch.folds(), wall, blocks, wall / blocks);
            figures.add(caseLabel, "wall, " + branch.points().size() + " states", wall, "s",
                    "Hipparchus LU of one dense block", blocks, "s", wall / blocks);
        }
        figures.write(json);
    }

    /** {Newton, eigenvalues} wall seconds. */
    private static double[] stationary(NifSpectral system, ColumnPool pool) {
        NifStationary stationary = new NifStationary(system, pool);
        long start = System.nanoTime();
        NifStationary.State state = stationary.solve(null, NifContinuation.TOLERANCE, 50);
        double newton = (System.nanoTime() - start) * 1e-9;
        start = System.nanoTime();
        NifStability.of(stationary, state);
        return new double[] {newton, (System.nanoTime() - start) * 1e-9};
    }

    private static NifContinuation.Branch continuation(LobattoElements v, int steps, ColumnPool pool) {
        return new NifContinuation(j0 -> new NifStationary(new NifSpectral(PublicProblems.nnlifBistable(j0).model(), v,
                UniformGrid.unitInterval(1), pool), pool), 0.0, 4.5, steps).trace(f -> { });
    }

    /** Seconds for Hipparchus to factor {@code count} random dense n x n matrices. */
    private static double factorizations(int count, int n) {
        SplittableRandom random = new SplittableRandom(1);
        Array2DRowRealMatrix[] blocks = new Array2DRowRealMatrix[count];
        for (int b = 0; b < count; b++) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = random.nextDouble() + (i == j ? n : 0);
                }
            }
            blocks[b] = new Array2DRowRealMatrix(a, false);
        }
        long start = System.nanoTime();
        double sink = 0;
        for (Array2DRowRealMatrix block : blocks) {
            sink += new LUDecomposition(block).getDeterminant();
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("NaN determinant");
        }
        return seconds;
    }
}
