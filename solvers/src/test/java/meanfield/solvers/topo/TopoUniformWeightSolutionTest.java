package meanfield.solvers.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.grids.PeriodicCells;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.TimeControl;

/** MODEL.md 2.3's exact K = 1 solution against both TOPO solvers, on P2's and P3's data with K = 1. */
class TopoUniformWeightSolutionTest {
    private static TopoModel uniform(TopoModel model) {
        return new TopoModel(model.dimension(), RankWeight.uniform(), model.velocities(), model.initial());
    }

    private static final TopoModel LINE = uniform(PublicProblems.topo1d(16));
    private static final TopoModel PLANE = uniform(PublicProblems.topo2d().model());

    /** Max (or L1 over x, summed over velocities) of f - exact at t = 0.5. */
    private static double error(SemiDiscretization system, TopoUniformWeightSolution exact, String scheme, double dt,
            int points, int nvel) {
        return error(system, exact, scheme, dt, points, nvel, false);
    }

    private static double error(SemiDiscretization system, TopoUniformWeightSolution exact, String scheme, double dt,
            int points, int nvel, boolean l1) {
        RecordedRun run = RecordedRun.of(system, scheme, new TimeControl(0.5, 0.25, dt, 1e-6), x -> { });
        assertTrue(run.outcome().failure().isEmpty());
        int last = run.result().outputCount() - 1;
        double[] density = run.result().get("density", last);
        double[][] expected = {new double[points], new double[points * nvel], new double[nvel]};
        exact.exactFields(run.result().time(last), expected);
        double worst = 0;
        double sum = 0;
        for (int i = 0; i < density.length; i++) {
            worst = Math.max(worst, Math.abs(density[i] - expected[1][i]));
            sum += Math.abs(density[i] - expected[1][i]) / points;
        }
        return l1 ? sum : worst;
    }

    @Test
    void theSpectralSolverMatchesItToTheTimeErrorIn1dAnd2d() {
        try (ColumnPool pool = new ColumnPool(1)) {
            double line = error(new TopoSpectral(LINE, new PeriodicGrid(1, 64), TopoSpectral.defaultRadialNodes(64), pool),
                    TopoUniformWeightSolution.atNodes(LINE, 64).orElseThrow(), "lawson-rk4", 0.005, 64, 16);
            assertTrue(line < 1e-10, "1D error " + line);
            double plane = error(new TopoSpectral(PLANE, new PeriodicGrid(2, 32), TopoSpectral.defaultRadialNodes(32),
                    pool), TopoUniformWeightSolution.atNodes(PLANE, 32).orElseThrow(), "lawson-rk4", 0.005, 32 * 32, 16);
            assertTrue(plane < 1e-9, "2D error " + plane);
        }
    }

    @Test
    void theFiniteVolumesConvergeToItAtSecondOrderInL1() {
        double previous = Double.NaN;
        for (int n = 32; n <= 256; n *= 2) {
            try (ColumnPool pool = new ColumnPool(1)) {
                double e = error(new TopoFiniteVolume(LINE, new PeriodicCells(1, n), pool),
                        TopoUniformWeightSolution.onCells(LINE, n).orElseThrow(), "ssp-rk3", Double.NaN, n, 16, true);
                if (!Double.isNaN(previous)) {
                    // Measured 1.66, 1.84, 1.99: the limiter's clipping at extrema fades as the grid resolves them.
                    double order = Math.log(previous / e) / Math.log(2);
                    assertTrue(order > (n == 256 ? 1.9 : 1.6), "order " + order + " at n = " + n);
                }
                previous = e;
            }
        }
    }

    @Test
    void atTimeZeroItIsTheSolversInitialState() {
        try (ColumnPool pool = new ColumnPool(1)) {
            TopoSpectral spectral = new TopoSpectral(LINE, new PeriodicGrid(1, 32), 32, pool);
            double[][] out = {new double[32], new double[32 * 16], new double[16]};
            TopoUniformWeightSolution.atNodes(LINE, 32).orElseThrow().exactFields(0, out);
            double[] nodes = new double[32 * 16];
            spectral.toPhysical(spectral.initialState(), nodes);
            for (int i = 0; i < nodes.length; i++) {
                assertEquals(nodes[i], out[1][i], 1e-12);
            }
        }
    }

    @Test
    void onlyAUniformRankWeightHasIt() {
        assertTrue(TopoUniformWeightSolution.onCells(PublicProblems.topo1d(4), 8).isEmpty());
    }
}
