package meanfield.solvers.topo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.time.TimeControl;

/** The manufactured solution on P2's and P3's rank weight and velocities: the designed orders with no reference run. */
class TopoManufacturedTest {

    /** L1 (cell-volume weighted, summed over velocities) of the node densities at t = 0.5, and the worst mass error. */
    private static double[] errors(ManufacturedSolution solution, String scheme, double dt, double tolerance, int points) {
        RecordedRun run = RecordedRun.of(solution.discretization(), scheme, new TimeControl(0.5, 0.25, dt, tolerance),
                x -> { });
        assertTrue(run.outcome().failure().isEmpty(), () -> run.outcome().failure().get());
        RecordedResult result = run.result();
        int last = result.outputCount() - 1;
        double[] density = result.get("density", last);
        double[][] exact = {new double[points], new double[density.length], new double[density.length / points]};
        solution.exactFields(result.time(last), exact);
        double error = 0;
        double mass = 0;
        for (int i = 0; i < density.length; i++) {
            error += Math.abs(density[i] - exact[1][i]) / points;
            mass += density[i] / points;
        }
        return new double[] {error, Math.abs(mass - 1)};
    }

    private static double order(double coarse, double fine) {
        return Math.log(coarse / fine) / Math.log(2);
    }

    @Test
    void finiteVolumesConvergeAtSecondOrderIn1d() {
        TopoModel model = PublicProblems.topo1d(8);
        double previous = Double.NaN;
        for (int n = 32; n <= 256; n *= 2) {
            try (ColumnPool pool = new ColumnPool(1)) {
                double[] e = errors(TopoManufactured.finiteVolume(model, n, pool), "ssp-rk3", Double.NaN, 1e-12, n);
                assertTrue(e[1] < 1e-13, "mass error " + e[1]);
                if (!Double.isNaN(previous)) {
                    assertTrue(order(previous, e[0]) > 1.9, "order from " + previous + " to " + e[0] + " at n = " + n);
                }
                previous = e[0];
            }
        }
    }

    @Test
    void finiteVolumesConvergeAtSecondOrderIn2d() {
        TopoModel model = PublicProblems.topo2d().model();
        double previous = Double.NaN;
        for (int n = 8; n <= 32; n *= 2) {
            try (ColumnPool pool = new ColumnPool(1)) {
                double[] e = errors(TopoManufactured.finiteVolume(model, n, pool), "ssp-rk3", Double.NaN, 1e-12, n * n);
                assertTrue(e[1] < 1e-13, "mass error " + e[1]);
                if (!Double.isNaN(previous)) {
                    // Measured 1.75 then 2.06: the limiter clips the coarsest grid's extrema.
                    assertTrue(order(previous, e[0]) > (n == 16 ? 1.7 : 1.9), "order from " + previous + " to " + e[0]
                            + " at n = " + n);
                }
                previous = e[0];
            }
        }
    }

    @Test
    void theSpectralSolverConvergesExponentiallyIn1dAnd2d() {
        for (TopoModel model : new TopoModel[] {PublicProblems.topo1d(8), PublicProblems.topo2d().model()}) {
            int d = model.dimension();
            double previous = Double.NaN;
            for (int n = 8; n <= 32; n *= 2) {
                try (ColumnPool pool = new ColumnPool(1)) {
                    int points = (int) Math.pow(n, d);
                    double[] e = errors(TopoManufactured.spectral(model, n, pool), "lawson-rk4", 0.0025, 1e-12, points);
                    if (!Double.isNaN(previous)) {
                        // Measured: 3.7e-3, 6.6e-7, 4.0e-11 in 1D and 4.1e-3, 7.9e-7, 6.5e-11 in 2D.
                        assertTrue(e[0] < previous / 1000, d + "D: from " + previous + " to " + e[0] + " at n = " + n);
                    }
                    previous = e[0];
                }
            }
            assertTrue(previous < 1e-10, d + "D error at n = 32: " + previous);
        }
    }
}
