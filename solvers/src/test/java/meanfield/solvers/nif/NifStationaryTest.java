package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import meanfield.grids.LobattoElements;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.parallel.ColumnPool;

class NifStationaryTest {

    static NifStationary.State stationary(NifModel model, double[] breaks, int degree, int labels) {
        try (ColumnPool pool = new ColumnPool(1)) {
            NifSpectral system = new NifSpectral(model, new LobattoElements(breaks, degree),
                    UniformGrid.unitInterval(labels), pool);
            return new NifStationary(system, pool).solve(null, 1e-13, 30);
        }
    }

    @Test
    void uncoupledLabelsWithAThresholdFireAtSiegertsRate() {
        double sigma = 0.05;
        NifModel model = new NifModel(0.0, sigma, Drift.autonomous((v, xi) -> -(v - (0.5 + 0.6 * xi))),
                FiringRate.NONE, OptionalDouble.of(1.0), NifTestProblems.none(), (v, xi) -> 1.0);
        NifStationary.State state = stationary(model, new double[] {-1.5, -0.75, 0.0, 0.5, 1.0}, 32, 4);
        for (int l = 0; l < 4; l++) {
            double c = 0.5 + 0.6 * (l + 0.5) / 4;
            double exact = SiegertRate.of(1.0, c, sigma, 0.0, 1.0);
            assertEquals(exact, state.rates()[l], 1e-10 * exact, "label " + l + " (c = " + c + ")");
        }
        assertTrue(state.residual() < 1e-13);
    }

    @Test
    void constantRateNetworkSettlesOnTheExactMixture() {
        double lambda = 2;
        double a = 1.5;
        double sigma = 0.1;
        // w = 1 + xi: J = lambda (1 + xi), c = (I + J) / a.
        NifModel model = NifTestProblems.constantRate(lambda, a, (v, xi) -> 0.4 * xi, sigma,
                new SynapticKernel.Function((xi, zeta) -> 1 + xi));
        NifStationary.State state = stationary(model, new double[] {-6.0, -4.0, -2.0, -1.0, 0.0, 1.0, 2.5, 4.0, 5.5}, 28, 3);
        LobattoElements v = new LobattoElements(new double[] {-6.0, -4.0, -2.0, -1.0, 0.0, 1.0, 2.5, 4.0, 5.5}, 28);
        int n = v.size();
        double worst = 0;
        for (int l = 0; l < 3; l++) {
            double xi = (l + 0.5) / 3;
            assertEquals(lambda, state.rates()[l], 1e-12);
            assertEquals(lambda * (1 + xi), state.input()[l], 1e-12);
            double c = (0.4 * xi + lambda * (1 + xi)) / a;
            for (int i = 0; i < n; i++) {
                double exact = ExactNif.constantRateStationary(v.node(i), lambda, a, c, 0.0, sigma);
                worst = Math.max(worst, Math.abs(state.density()[l * n + i] - exact));
            }
        }
        assertTrue(worst < 1e-9, "max |f - f_exact| = " + worst);
    }
}
