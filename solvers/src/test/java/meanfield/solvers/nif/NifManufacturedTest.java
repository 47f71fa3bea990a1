package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import meanfield.grids.UniformGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.time.TimeControl;

/** The manufactured solution on P1's drift, rate, kernel and reset: the designed orders with no reference run. */
class NifManufacturedTest {
    private static final NifModel RING = PublicProblems.nifRing().model();
    private static final int LABELS = 4;

    private record Errors(double density, double rate, double massError) {
    }

    /** L1 in v of the density at t = 1 (worst label), the largest rate error over the outputs, the worst mass error. */
    private static Errors errors(int cells, double dt, double tolerance) {
        try (ColumnPool pool = new ColumnPool(1)) {
            UniformGrid v = new UniformGrid(-1.5, 3.5, cells);
            NifManufactured manufactured = NifManufactured.of(RING, v, UniformGrid.unitInterval(LABELS), pool);
            RecordedRun run = RecordedRun.of(manufactured.discretization(), "mprk22",
                    new TimeControl(1.0, 0.25, dt, tolerance), x -> { });
            assertTrue(run.outcome().failure().isEmpty(), () -> run.outcome().failure().get());
            RecordedResult result = run.result();
            double[][] exact = {new double[LABELS], new double[LABELS * cells]};
            double rateError = 0;
            double massError = 0;
            for (int o = 0; o < result.outputCount(); o++) {
                manufactured.exactFields(result.time(o), exact);
                double[] rate = result.get("rate", o);
                double[] density = result.get("density", o);
                for (int l = 0; l < LABELS; l++) {
                    rateError = Math.max(rateError, Math.abs(rate[l] - exact[0][l]));
                    double mass = 0;
                    for (int k = 0; k < cells; k++) {
                        mass += v.h() * density[l * cells + k];
                    }
                    massError = Math.max(massError, Math.abs(mass - 1));
                }
            }
            double[] density = result.get("density", result.outputCount() - 1);
            double densityError = 0;
            for (int l = 0; l < LABELS; l++) {
                double sum = 0;
                for (int k = 0; k < cells; k++) {
                    sum += Math.abs(density[l * cells + k] - exact[1][l * cells + k]);
                }
                densityError = Math.max(densityError, v.h() * sum);
            }
            return new Errors(densityError, rateError, massError);
        }
    }

    private static double order(double coarse, double fine) {
        return Math.log(coarse / fine) / Math.log(2);
    }

    @Test
    void densityAndRateConvergeAtSecondOrderInV() {
        Errors previous = null;
        for (int cells = 50; cells <= 400; cells *= 2) {
            Errors e = errors(cells, Double.NaN, 1e-8);
            if (previous != null) {
                assertTrue(order(previous.density, e.density) > 1.9, "density order from " + previous.density + " to "
                        + e.density + " at " + cells + " cells");
                assertTrue(order(previous.rate, e.rate) > 1.9, "rate order from " + previous.rate + " to " + e.rate);
            }
            previous = e;
        }
        // At 400 cells the error is 1.3e-4 (measured): the source really is exact, not a loose fit.
        assertTrue(previous.density < 2e-4, "density error " + previous.density);
    }

    @Test
    void mprk22ConvergesAtSecondOrderInTimeWithTheSource() {
        // 3200 cells put the v error near 2e-6, below the time errors of these steps.
        double[] steps = {0.05, 0.025, 0.0125, 0.00625};
        Errors previous = null;
        for (double dt : steps) {
            Errors e = errors(3200, dt, 1e-4);
            if (previous != null && dt < 0.02) {
                assertTrue(order(previous.density, e.density) > 1.8, "density order from " + previous.density + " to "
                        + e.density + " at dt " + dt);
            }
            previous = e;
        }
    }

    @Test
    void theSourceKeepsEveryLabelsMass() {
        assertTrue(errors(100, 0.05, 1e-4).massError < 1e-12);
    }

    @Test
    void theRunStartsFromTheSolutionsCellAverages() {
        try (ColumnPool pool = new ColumnPool(1)) {
            UniformGrid v = new UniformGrid(-1.5, 3.5, 64);
            NifManufactured manufactured = NifManufactured.of(RING, v, UniformGrid.unitInterval(2), pool);
            double[] start = manufactured.discretization().initialState();
            double[][] exact = {new double[2], new double[2 * 64]};
            manufactured.exactFields(0, exact);
            for (int i = 0; i < start.length; i++) {
                assertEquals(exact[1][i], start[i], 1e-6 * Math.max(1e-3, exact[1][i]));
            }
            assertTrue(manufactured.rate(0) > 0.1, "the solution fires: r_e(0) = " + manufactured.rate(0));
        }
    }

    @Test
    void aHardThresholdHasNoManufacturedSolution() {
        NifModel threshold = new NifModel(0.0, 0.1, RING.drift(), RING.rate(), OptionalDouble.of(3.5), RING.kernel(),
                RING.initial());
        try (ColumnPool pool = new ColumnPool(1)) {
            assertThrows(InvalidModelException.class, () -> NifManufactured.of(threshold,
                    new UniformGrid(-1.5, 3.5, 50), UniformGrid.unitInterval(2), pool));
        }
    }
}
