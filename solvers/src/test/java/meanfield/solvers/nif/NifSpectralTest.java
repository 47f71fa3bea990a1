package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import meanfield.solvers.model.NifModel;

class NifSpectralTest {
    private static final double[] P1_BREAKS = {-1.5, 0.0, 1.2, 3.5};

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void ratesOfP1ConvergeExponentiallyInTheDegree(TestReporter reporter) {
        NifModel p1 = NifTestProblems.p1();
        int[] degrees = {8, 12, 16, 20, 24};
        double[] reference = SpectralRuns.solve(p1, P1_BREAKS, 40, 8, NifTestProblems.adaptive(1.0, 1e-12)).lastRate();
        double[] errors = new double[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            SpectralRuns run = SpectralRuns.solve(p1, P1_BREAKS, degrees[i], 8, NifTestProblems.adaptive(1.0, 1e-12));
            errors[i] = maxDifference(run.lastRate(), reference);
            assertTrue(run.massErrorMax() < 1e-13, "mass error " + run.massErrorMax());
        }
        reporter.publishEntry("max rate error at t = 1 by degree 8..24", java.util.Arrays.toString(errors));
        // Measured: 8.0e-5, 1.2e-7, 7.9e-11, 1.5e-13, 1.9e-15. Algebraic order k would gain (20/16)^k per step.
        for (int i = 1; i < degrees.length; i++) {
            if (errors[i - 1] > 1e-12) {
                assertTrue(errors[i] < errors[i - 1] / 100, "degree " + degrees[i] + ": " + errors[i] + " after "
                        + errors[i - 1]);
            }
        }
        assertTrue(errors[degrees.length - 1] < 1e-13, "degree 24 error " + errors[degrees.length - 1]);
    }
}
