package meanfield.solvers.mv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.time.TimeControl;

/** The manufactured solution on P4's interaction and sigma: spectral in space, fourth order in time. */
class MvManufacturedTest {
    private static double error(MvModel model, int n, double dt) {
        try (ColumnPool pool = new ColumnPool(1)) {
            PeriodicGrid grid = new PeriodicGrid(model.dimension(), n);
            MvManufactured manufactured = MvManufactured.of(model, grid, pool);
            RecordedRun run = RecordedRun.of(manufactured.discretization(), "lawson-rk4",
                    new TimeControl(0.5, 0.25, dt, 1e-12), x -> { });
            assertTrue(run.outcome().failure().isEmpty(), () -> run.outcome().failure().get());
            RecordedResult result = run.result();
            int last = result.outputCount() - 1;
            double[] rho = result.get("rho", last);
            double[][] exact = {new double[grid.size()], new double[grid.size()]};
            manufactured.exactFields(result.time(last), exact);
            double worst = 0;
            for (int j = 0; j < rho.length; j++) {
                worst = Math.max(worst, Math.abs(rho[j] - exact[0][j]));
            }
            return worst;
        }
    }

    @Test
    void theErrorFallsExponentiallyInSpaceIn1dAnd2d() {
        // Measured at dt = 0.001 (0.0025 adds below 1e-10): 4.3e-2, 2.8e-4, 4.6e-9, 1.5e-12 (1D); 7.7e-2, 5.8e-4, 9.5e-9 (2D).
        double previous = Double.NaN;
        for (int n = 8; n <= 32; n *= 2) {
            double e = error(PublicProblems.mv1d().model(), n, 0.0025);
            assertTrue(Double.isNaN(previous) || e < previous / 100, "1D: from " + previous + " to " + e + " at n = " + n);
            previous = e;
        }
        previous = Double.NaN;
        for (int n = 8; n <= 32; n *= 2) {
            double e = error(PublicProblems.attraction2d(0.02, x -> 1.0), n, 0.0025);
            assertTrue(Double.isNaN(previous) || e < previous / 100, "2D: from " + previous + " to " + e + " at n = " + n);
            previous = e;
        }
        assertTrue(previous < 1e-8, "2D error at n = 32: " + previous);
    }

    @Test
    void lawsonRk4IsFourthOrderInTimeWithTheSource() {
        // Measured: 8.8e-6, 5.7e-7, 3.6e-8, 2.3e-9 (orders 3.96, 3.98, 3.99) at n = 64.
        double previous = Double.NaN;
        for (double dt = 0.05; dt > 0.005; dt /= 2) {
            double e = error(PublicProblems.mv1d().model(), 64, dt);
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / e) / Math.log(2);
                assertTrue(order > 3.7 && order < 4.3, "order " + order + " at dt " + dt);
            }
            previous = e;
        }
    }
}
