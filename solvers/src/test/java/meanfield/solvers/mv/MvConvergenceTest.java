package meanfield.solvers.mv;

import static meanfield.solvers.mv.MvTestProblems.fixed;
import static meanfield.solvers.mv.MvTestProblems.last;
import static meanfield.solvers.mv.MvTestProblems.maxDifference;
import static meanfield.solvers.mv.MvTestProblems.p4;
import static meanfield.solvers.mv.MvTestProblems.solve;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.parallel.ColumnPool;

class MvConvergenceTest {

    @Test
    void p4IsFourthOrderInTheTimeStep() {
        // n = 64 resolves P4 to round-off up to t = 1; errors against dt = 1/1280. From dt = 1/10
        // the order is still pre-asymptotic (3.5); from 1/20 on it reads 3.7, 3.9, 3.9.
        double[] reference = last(solve(p4(), 1, 64, fixed(1.0, 1.0, 1.0 / 1280)));
        double[] steps = {1.0 / 20, 1.0 / 40, 1.0 / 80, 1.0 / 160};
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            errors[i] = maxDifference(last(solve(p4(), 1, 64, fixed(1.0, 1.0, steps[i]))), reference);
        }
        assertTrue(errors[steps.length - 1] > 1e-12, "the finest error must stay above round-off: " + errors[3]);
        for (int i = 1; i < steps.length; i++) {
            double order = Math.log(errors[i - 1] / errors[i]) / Math.log(2);
            assertTrue(order >= 3.5, "observed order " + order + " between dt = " + steps[i - 1] + " and " + steps[i]
                    + " (errors " + errors[i - 1] + ", " + errors[i] + ")");
        }
    }

    /**
     * P4 as shipped (256 nodes, outputs every 0.05, T = 5): adaptive Lawson RK4 at the default
     * tolerance against fixed steps of an eighth of the CFL step (the old default, 1.9e-3, whose time
     * error is 6.7e-9), whose own time error is about 1e-12. Measured: 2.5e-11.
     */
    @Test
    void p4AtTheDefaultToleranceIsWithin1e10OfFixedStepsOfAnEighthOfTheCflStep() {
        PublicProblems.Mv p4 = PublicProblems.mv1d();
        double cfl;
        try (ColumnPool pool = new ColumnPool(1)) {
            cfl = new MvSpectral(p4.model(), new PeriodicGrid(1, p4.cells()), pool).defaultStep(p4.time());
        }
        MvSolution adaptive = solve(p4.model(), 1, p4.cells(), p4.time());
        MvSolution fixed = solve(p4.model(), 1, p4.cells(), fixed(p4.time().end(), p4.time().outputEvery(), cfl / 8));
        assertTrue(Double.isNaN(adaptive.step()), "the default stepping is adaptive");
        double distance = maxDifference(last(adaptive), last(fixed));
        assertTrue(distance < 1e-10, "max over nodes of |f_adaptive - f_fixed| at T = 5: " + distance);
        assertTrue(adaptive.massErrorMax() < 1e-12, "mass error " + adaptive.massErrorMax());
    }

    @Test
    void p4ConvergesSpectrallyInTheNumberOfPoints() {
        // Same dt for all grids, so the differences are spatial; compared at the 32 common nodes.
        double[] reference = last(solve(p4(), 1, 128, fixed(5.0, 5.0, 2e-3)));
        double[] errors = new double[2];
        int[] sizes = {32, 64};
        for (int i = 0; i < sizes.length; i++) {
            double[] rho = last(solve(p4(), 1, sizes[i], fixed(5.0, 5.0, 2e-3)));
            double max = 0;
            for (int j = 0; j < 32; j++) {
                max = Math.max(max, Math.abs(rho[j * sizes[i] / 32] - reference[j * 128 / 32]));
            }
            errors[i] = max;
        }
        // Measured: 1.4e-3 at n = 32, 4e-11 at n = 64 (the density peaks at 6.7 with width ~0.1 by t = 5).
        assertTrue(errors[1] < 1e-6 * errors[0], "n = 32: " + errors[0] + ", n = 64: " + errors[1]);
        assertTrue(errors[1] < 1e-9, "n = 64: " + errors[1]);
    }
}
