package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;

class HardThresholdTest {

    @Test
    void uncoupledLeakyNeuronFiresAtTheSiegertRate() {
        double a = 1;
        double c = 0.8;
        double sigma = 0.1;
        double threshold = 1.0;
        NifModel model = new NifModel(0.0, sigma, Drift.autonomous((v, xi) -> -a * (v - c)), FiringRate.NONE,
                OptionalDouble.of(threshold), NifTestProblems.none(), (v, xi) -> NifTestProblems.gaussian(v, 0.3, 0.2));
        double exact = SiegertRate.of(a, c, sigma, 0.0, threshold);
        int[] cells = {100, 200, 400};
        double[] errors = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            NifSolution s = NifTestProblems.solve(model, new UniformGrid(-2.0, threshold, cells[i]), 1,
                    NifTestProblems.adaptive(30.0, 1e-6));
            errors[i] = Math.abs(s.rate(s.outputCount() - 1)[0] - exact) / exact;
            assertTrue(s.massErrorMax() < 1e-12, "mass error " + s.massErrorMax());
        }
        double observed = NifTestProblems.order(errors[1], errors[2], 2);
        // The boundary flux 2 sigma f_last / h is first order locally, yet the rate converges at second order.
        assertTrue(errors[2] < 1e-4, "relative error " + errors[2] + " against Siegert rate " + exact);
        assertTrue(observed >= 1.8, "observed order " + observed + " from " + java.util.Arrays.toString(errors));
    }

    @Test
    void strongExcitationNearTheThresholdIsReportedAsBlowUpNotAsAPlateau() {
        // NNLIF with b = 3 and data concentrated just below v_F blows up (Caceres-Carrillo-Perthame 2011);
        // on a grid the rate would otherwise saturate near 2 sigma / h^2 and look stationary.
        NifModel model = new NifModel(1.0, 0.5, Drift.autonomous((v, xi) -> -v), FiringRate.NONE, OptionalDouble.of(2.0),
                new meanfield.solvers.model.SynapticKernel.Function((xi, zeta) -> 3.0),
                (v, xi) -> Math.exp(-(v - 1.5) * (v - 1.5) / 0.01));
        NifSolution s = NifTestProblems.solve(model, new UniformGrid(-2.0, 2.0, 300), 1, NifTestProblems.adaptive(2.0, 1e-4));
        assertTrue(s.failure().isPresent(), "no failure reported");
        assertTrue(s.failure().get().contains("blowing up"), s.failure().get());
        assertTrue(s.time(s.outputCount() - 1) < 2.0);
    }
}
