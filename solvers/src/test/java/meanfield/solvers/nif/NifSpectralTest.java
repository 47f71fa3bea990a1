package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        int[] degrees = {8, 12, 16, 20};
        double[] reference = SpectralRuns.solve(p1, P1_BREAKS, 28, 8, NifTestProblems.adaptive(1.0, 1e-12)).lastRate();
        double[] errors = new double[degrees.length];
        for (int i = 0; i < degrees.length; i++) {
            SpectralRuns run = SpectralRuns.solve(p1, P1_BREAKS, degrees[i], 8, NifTestProblems.adaptive(1.0, 1e-12));
            errors[i] = maxDifference(run.lastRate(), reference);
            assertTrue(run.massErrorMax() < 1e-13, "mass error " + run.massErrorMax());
        }
        reporter.publishEntry("max rate error at t = 1 by degree 8..20", java.util.Arrays.toString(errors));
        // Measured against degree 40: 8.0e-5, 1.2e-7, 7.9e-11, 1.5e-13 (and 1.9e-15 at 24). Algebraic order k would
        // gain (20/16)^k per step.
        for (int i = 1; i < degrees.length; i++) {
            if (errors[i - 1] > 1e-12) {
                assertTrue(errors[i] < errors[i - 1] / 100, "degree " + degrees[i] + ": " + errors[i] + " after "
                        + errors[i - 1]);
            }
        }
        assertTrue(errors[degrees.length - 1] < 1e-12, "degree 20 error " + errors[degrees.length - 1]);
    }

    /**
     * The discretization's convergence with a threshold, on its stationary state: in time the
     * threshold's outflux suffers the order reduction of DIRK stages at a boundary (the rate at t = 1
     * stalls near 1e-9 relative at a local tolerance of 1e-14), which would hide the spatial error.
     */
    @Test
    void aHardThresholdCaseConvergesExponentiallyInTheDegree(TestReporter reporter) {
        int[] degrees = {8, 12, 16, 20, 24};
        double reference;
        try (meanfield.solvers.parallel.ColumnPool pool = new meanfield.solvers.parallel.ColumnPool(1)) {
            reference = new NifStationary(NnlifBistable.system(2.0, 40, pool), pool).solve(null, 1e-14, 30).rates()[0];
            double[] errors = new double[degrees.length];
            for (int i = 0; i < degrees.length; i++) {
                double rate = new NifStationary(NnlifBistable.system(2.0, degrees[i], pool), pool).solve(null, 1e-14, 30)
                        .rates()[0];
                errors[i] = Math.abs(rate - reference) / reference;
            }
            reporter.publishEntry("relative stationary rate error at J0 = 2 by degree 8..24",
                    java.util.Arrays.toString(errors));
            for (int i = 1; i < degrees.length; i++) {
                if (errors[i - 1] > 1e-11) {
                    assertTrue(errors[i] < errors[i - 1] / 30, "degree " + degrees[i] + ": " + errors[i] + " after "
                            + errors[i - 1]);
                }
            }
            assertTrue(errors[degrees.length - 1] < 1e-11, java.util.Arrays.toString(errors));
        }
    }

    @Test
    void theFiniteVolumesConvergeToTheSpectralSolutionAtSecondOrder(TestReporter reporter) {
        // The kernel sampled at the label centres for both, so that they differ by their v discretization only.
        NifModel ring = NifTestProblems.p1();
        int labels = 16;
        double[] sampled = new double[labels * labels];
        for (int k = 0; k < labels; k++) {
            for (int l = 0; l < labels; l++) {
                sampled[k * labels + l] = 0.1 + 0.3 * Math.cos(2 * Math.PI * (k - l) / labels);
            }
        }
        NifModel p1 = new NifModel(ring.reset(), ring.sigma(), ring.drift(), ring.rate(), ring.threshold(),
                new meanfield.solvers.model.SynapticKernel.CellAveraged(labels, sampled), ring.initial());
        double[] spectral = SpectralRuns.solve(p1, P1_BREAKS, 24, labels, NifTestProblems.adaptive(1.0, 1e-10)).lastRate();
        int[] cells = {100, 200, 400};
        double[] distances = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            NifSolution fv = NifTestProblems.solve(p1, new meanfield.grids.UniformGrid(-1.5, 3.5, cells[i]), labels,
                    NifTestProblems.adaptive(1.0, 1e-7));
            distances[i] = maxDifference(fv.rate(fv.outputCount() - 1), spectral);
        }
        reporter.publishEntry("max |r_FV - r_spectral| at t = 1, 100/200/400 cells", java.util.Arrays.toString(distances));
        for (int i = 1; i < cells.length; i++) {
            double order = NifTestProblems.order(distances[i - 1], distances[i], 2);
            assertTrue(order > 1.8, "order " + order + " from " + java.util.Arrays.toString(distances));
        }
    }

    @Test
    void theConstantRateMeanFollowsItsExactOde() {
        double lambda = 1.5;
        double a = 2;
        double sigma = 0.2;
        NifModel model = NifTestProblems.constantRate(lambda, a, (v, xi) -> 0.5 + xi, sigma,
                new meanfield.solvers.model.SynapticKernel.Function((xi, zeta) -> 0.8 * zeta));
        double[] breaks = {-5.0, -3.0, -1.5, 0.0, 1.0, 2.0, 3.5, 5.0, 7.0};
        meanfield.grids.LobattoElements v = new meanfield.grids.LobattoElements(breaks, 24);
        meanfield.solvers.time.TimeControl control = new meanfield.solvers.time.TimeControl(2.0, 0.5, Double.NaN, 1e-12);
        SpectralRuns run = SpectralRuns.solve(model, breaks, 24, 2, control);
        int n = v.size();
        double worst = 0;
        for (int k = 0; k < run.outputCount(); k++) {
            double t = run.time(k);
            double[] f = run.density(k);
            for (int l = 0; l < 2; l++) {
                double xi = (l + 0.5) / 2;
                // f0 is the catalogue's constant-rate initial density; its mean is taken from the run's own t = 0.
                double m0 = mean(run.density(0), v, l, n);
                double target = (0.5 + xi + lambda * 0.4 + lambda * 0.0) / (a + lambda);
                double exact = target + (m0 - target) * Math.exp(-(a + lambda) * t);
                worst = Math.max(worst, Math.abs(mean(f, v, l, n) - exact));
                assertEquals(lambda, run.rate(k)[l], 1e-12);
            }
        }
        assertTrue(worst < 1e-9, "max |m - m_exact| = " + worst);
    }

    private static double mean(double[] f, meanfield.grids.LobattoElements v, int label, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v.weight(i) * v.node(i) * f[label * n + i];
        }
        return sum;
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        NifModel p1 = NifTestProblems.p1();
        meanfield.solvers.time.TimeControl control = NifTestProblems.adaptive(0.5, 1e-8);
        SpectralRuns one = SpectralRuns.solve(p1, P1_BREAKS, 16, 8, control, 1);
        SpectralRuns two = SpectralRuns.solve(p1, P1_BREAKS, 16, 8, control, 2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.density(one.outputCount() - 1),
                two.density(two.outputCount() - 1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.lastRate(), two.lastRate());
    }
}
