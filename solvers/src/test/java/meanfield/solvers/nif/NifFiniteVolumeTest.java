package meanfield.solvers.nif;

import static meanfield.solvers.nif.NifTestProblems.adaptive;
import static meanfield.solvers.nif.NifTestProblems.distanceToRefined;
import static meanfield.solvers.nif.NifTestProblems.fixed;
import static meanfield.solvers.nif.NifTestProblems.last;
import static meanfield.solvers.nif.NifTestProblems.order;
import static meanfield.solvers.nif.NifTestProblems.solve;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

import meanfield.grids.CellAverages;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.parallel.ColumnPool;

class NifFiniteVolumeTest {

    @Test
    void p1KeepsEveryLabelsMassToRoundOffAndStaysNonNegativeOverTheHorizon() {
        NifSolution s = solve(NifTestProblems.p1(), new UniformGrid(-1.5, 3.5, 200), 16, adaptive(5.0, 1e-4));
        assertTrue(s.failure().isEmpty(), () -> s.failure().get());
        assertEquals(5.0, s.time(s.outputCount() - 1), 0.0);
        assertTrue(s.massErrorMax() < 1e-12, "mass error " + s.massErrorMax());
        assertTrue(s.minDensity() >= 0, "min density " + s.minDensity());
    }

    @Test
    void synapticInputTakesRowsOfTheKernelAsInputsOfTheReceivingLabel() {
        int labels = 8;
        // Asymmetric: the transpose would give a different input.
        java.util.function.DoubleBinaryOperator w = (xi, zeta) -> 0.2 + xi * zeta * zeta
                + 0.5 * Math.sin(2 * Math.PI * (xi - zeta));
        UniformGrid labelGrid = UniformGrid.unitInterval(labels);
        double[] rates = testRates(labels);
        double[] input = synapticInput(new SynapticKernel.Function(w), labelGrid, rates);
        double[] cells = CellAverages.of(w, labelGrid, labelGrid, 3);
        for (int k = 0; k < labels; k++) {
            double expected = 0;
            double transposed = 0;
            for (int l = 0; l < labels; l++) {
                expected += cells[k * labels + l] * rates[l] / labels;
                transposed += cells[l * labels + k] * rates[l] / labels;
            }
            assertEquals(expected, input[k], 1e-12, "label " + k);
            assertTrue(Math.abs(transposed - input[k]) > 1e-3, "the test kernel must tell rows from columns");
        }
    }

    /** Rates 1 + l^2 per label cell: distinct, so that a wrong label shows. */
    private static double[] testRates(int labels) {
        double[] rates = new double[labels];
        for (int l = 0; l < labels; l++) {
            rates[l] = 1 + l * l;
        }
        return rates;
    }

    /** J per label cell for the given rates, from the finite volumes of a constant-rate model with this kernel. */
    private static double[] synapticInput(SynapticKernel kernel, UniformGrid labelGrid, double[] rates) {
        NifModel model = NifTestProblems.constantRate(1.0, 1.0, (v, xi) -> 0.0, 0.1, kernel);
        try (ColumnPool pool = new ColumnPool(1)) {
            NifFiniteVolume fv = new NifFiniteVolume(model, new UniformGrid(-1, 2, 30), labelGrid, pool);
            double[] input = new double[labelGrid.cells()];
            fv.synapticInput(rates, input);
            return input;
        }
    }

    @Test
    void constantRateMeanFollowsTheExactOdeWithTheKernelsRowIntegral() {
        // nu = lambda, mu = -a v + I(xi), w = xi + 0.5 sin(2 pi (xi - zeta)) (asymmetric):
        // r = lambda, J(xi) = lambda xi (its transpose would give lambda / 2), and
        // dm/dt = -(a + lambda) m + I + J + lambda v_R.
        double lambda = 2;
        double a = 1;
        NifModel model = NifTestProblems.constantRate(lambda, a, (v, xi) -> 0.5 + 0.3 * xi, 0.1,
                new SynapticKernel.Function((xi, zeta) -> xi + 0.5 * Math.sin(2 * Math.PI * (xi - zeta))));
        assertMeanConvergesAtSecondOrder(model, lambda, (xi, m0, end) -> {
            double mInf = (0.5 + 0.3 * xi + lambda * xi) / (a + lambda);
            return mInf + (m0 - mInf) * Math.exp(-(a + lambda) * end);
        });
    }

    @Test
    void aSelfCouplingMeasureGivesEachLabelItsOwnRateTimesTheWeight() {
        // w(xi, d zeta) = a(xi) delta(zeta - xi): J(xi) = a(xi) r(xi), exactly on the label grid.
        int labels = 7;
        SynapticKernel kernel = new SynapticKernel.Measure(java.util.List.of(
                new SynapticKernel.Atom(xi -> 0.3 - xi * xi, xi -> xi)));
        UniformGrid labelGrid = UniformGrid.unitInterval(labels);
        double[] rates = testRates(labels);
        double[] input = synapticInput(kernel, labelGrid, rates);
        for (int k = 0; k < labels; k++) {
            double xi = labelGrid.center(k);
            assertEquals((0.3 - xi * xi) * rates[k], input[k], 0.0, "label " + k);
        }
    }

    @Test
    void constantRateMeanFollowsTheExactOdeWithAMeasureKernelsTotalWeight() {
        // Two atoms whose weights sum to xi: J = lambda xi whatever the maps, since r = lambda everywhere.
        double lambda = 2;
        double a = 1;
        SynapticKernel kernel = new SynapticKernel.Measure(java.util.List.of(
                new SynapticKernel.Atom(xi -> 0.5 * xi + 0.2, xi -> xi + 0.25),
                new SynapticKernel.Atom(xi -> 0.5 * xi - 0.2, xi -> 2 * xi)));
        NifModel model = NifTestProblems.constantRate(lambda, a, (v, xi) -> 0.5 + 0.3 * xi, 0.1, kernel);
        assertMeanConvergesAtSecondOrder(model, lambda, (xi, m0, end) -> {
            double mInf = (0.5 + 0.3 * xi + lambda * xi) / (a + lambda);
            return mInf + (m0 - mInf) * Math.exp(-(a + lambda) * end);
        });
    }

    @Test
    void timeDependentDriftIsFollowedAsTheMeanOdeIntegratedByDormandPrince() {
        // mu = -a v + 0.5 + 0.4 sin(3t) + 0.2 xi with w = 0.3 + 0.2 cos(2 pi (xi - zeta)): J = 0.3 lambda.
        double lambda = 1.5;
        double a = 1;
        Drift drift = (t, v, xi) -> -a * v + 0.5 + 0.4 * Math.sin(3 * t) + 0.2 * xi;
        NifModel model = new NifModel(0.0, 0.1, drift, FiringRate.constant(lambda), OptionalDouble.empty(),
                new SynapticKernel.Function((xi, zeta) -> 0.3 + 0.2 * Math.cos(2 * Math.PI * (xi - zeta))),
                (v, xi) -> NifTestProblems.gaussian(v, 0.4, 0.2));
        assertMeanConvergesAtSecondOrder(model, lambda, (xi, m0, end) -> {
            OrdinaryDifferentialEquation mean = new OrdinaryDifferentialEquation() {
                @Override
                public int getDimension() {
                    return 1;
                }

                @Override
                public double[] computeDerivatives(double t, double[] m) {
                    return new double[] {-(a + lambda) * m[0] + 0.5 + 0.4 * Math.sin(3 * t) + 0.2 * xi + 0.3 * lambda};
                }
            };
            ODEState start = new ODEState(0.0, new double[] {m0});
            return new DormandPrince853Integrator(1e-8, 0.1, 1e-13, 1e-13).integrate(mean, start, end)
                    .getPrimaryState()[0];
        });
    }

    /** The exact mean of label xi at time end, given the initial mean m0. */
    private interface ExactMean {
        double at(double xi, double m0, double end);
    }

    /**
     * The mean of every label against the exact one at t = 1 on 200 and 400 cells: the error is
     * O(h^2), since the Scharfetter-Gummel flux adds a numerical diffusion a^2 h^2 / (12 sigma)
     * that varies in v, and the firing rate is lambda exactly.
     */
    private static void assertMeanConvergesAtSecondOrder(NifModel model, double lambda, ExactMean exact) {
        int labels = 8;
        double end = 1.0;
        double[] errors = new double[2];
        for (int i = 0; i < 2; i++) {
            UniformGrid v = new UniformGrid(-2, 3, 200 << i);
            NifSolution s = solve(model, v, labels, fixed(end, 1e-3));
            for (int l = 0; l < labels; l++) {
                double xi = (l + 0.5) / labels;
                assertEquals(lambda, s.rate(s.outputCount() - 1)[l], 1e-12, "r = lambda exactly");
                double expected = exact.at(xi, mean(s.density(0), l, v), end);
                errors[i] = Math.max(errors[i], Math.abs(expected - mean(last(s), l, v)));
            }
        }
        assertTrue(errors[1] < 2e-4, "error of the mean " + errors[1]);
        assertTrue(order(errors[0], errors[1], 2) >= 1.8, "errors of the mean " + java.util.Arrays.toString(errors));
    }

    private static double mean(double[] f, int label, UniformGrid v) {
        double sum = 0;
        for (int k = 0; k < v.cells(); k++) {
            sum += v.center(k) * f[label * v.cells() + k] * v.h();
        }
        return sum;
    }

    @Test
    void constantRateStationaryDensityMatchesTheExponentialMixtureAtSecondOrder() {
        double lambda = 1;
        double a = 1;
        double input = 1;
        double sigma = 0.1;
        NifModel model = NifTestProblems.constantRate(lambda, a, (v, xi) -> input, sigma, NifTestProblems.none());
        // v_R = 0 on a face at every level, so the reset split is the same at every level.
        int[] cells = {100, 200, 400};
        double[] errors = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            UniformGrid v = new UniformGrid(-1.6, 2.4, cells[i]);
            double[] f = last(solve(model, v, 1, adaptive(25.0, 1e-6)));
            double error = 0;
            for (int k = 0; k < v.cells(); k++) {
                double exact = ExactNif.constantRateStationary(v.center(k), lambda, a, input / a, 0.0, sigma);
                error += Math.abs(f[k] - exact) * v.h();
            }
            errors[i] = error;
        }
        double observed = order(errors[1], errors[2], 2);
        assertTrue(observed >= 1.8, "observed order " + observed + " from L1 errors " + java.util.Arrays.toString(errors));
        assertTrue(errors[2] < 4e-4, "L1 error " + errors[2]);
    }

    @Test
    void p1ConvergesAtSecondOrderInV() {
        NifModel model = NifTestProblems.p1();
        int labels = 4;
        double[][] finals = new double[4][];
        UniformGrid[] grids = new UniformGrid[4];
        for (int i = 0; i < 4; i++) {
            grids[i] = new UniformGrid(-1.5, 3.5, 50 << i);
            finals[i] = last(solve(model, grids[i], labels, fixed(0.5, 5e-3)));
        }
        double e0 = distanceToRefined(finals[0], finals[1], labels, grids[0]);
        double e1 = distanceToRefined(finals[1], finals[2], labels, grids[1]);
        double e2 = distanceToRefined(finals[2], finals[3], labels, grids[2]);
        double observed = order(e1, e2, 2);
        assertTrue(observed >= 1.8, "orders " + order(e0, e1, 2) + ", " + observed + " from " + e0 + ", " + e1 + ", " + e2);
    }

    @Test
    void p1ConvergesAtSecondOrderInTime() {
        NifModel model = NifTestProblems.p1();
        int labels = 4;
        UniformGrid v = new UniformGrid(-1.5, 3.5, 100);
        double[][] finals = new double[4][];
        for (int i = 0; i < 4; i++) {
            finals[i] = last(solve(model, v, labels, fixed(0.5, 0.025 / (1 << i))));
        }
        double e0 = NifTestProblems.maxL1(finals[0], finals[1], labels, v);
        double e1 = NifTestProblems.maxL1(finals[1], finals[2], labels, v);
        double e2 = NifTestProblems.maxL1(finals[2], finals[3], labels, v);
        double observed = order(e1, e2, 2);
        assertTrue(observed >= 1.8, "orders " + order(e0, e1, 2) + ", " + observed + " from " + e0 + ", " + e1 + ", " + e2);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        NifSolver solver = new NifSolver(NifTestProblems.p1(), new UniformGrid(-1.5, 3.5, 80),
                UniformGrid.unitInterval(7), adaptive(1.0, 1e-4));
        NifSolution one = solver.solve(1, t -> {
        });
        NifSolution two = solver.solve(2, t -> {
        });
        assertEquals(one.steps(), two.steps());
        assertArrayEquals(last(one), last(two), 0.0);
        assertArrayEquals(one.rate(one.outputCount() - 1), two.rate(two.outputCount() - 1), 0.0);
    }
}
