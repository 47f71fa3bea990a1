package meanfield.solvers.nif;

import java.util.OptionalDouble;

import meanfield.grids.LobattoElements;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.parallel.ColumnPool;

/**
 * The excitatory all-to-all NNLIF population of Caceres, Carrillo and Perthame (2011) as the
 * built-in nnlif-bistable has it: threshold 1, reset 0, drift -v + 0.3, sigma 0.05, kernel J0.
 */
final class NnlifBistable {
    static final double SIGMA = 0.05;
    static final double INPUT = 0.3;
    static final double[] BREAKS = {-1.5, -0.5, 0.0, 0.5, 1.0};

    private NnlifBistable() {
    }

    static NifModel model(double j0) {
        return new NifModel(0.0, SIGMA, Drift.autonomous((v, xi) -> -v + INPUT), FiringRate.NONE, OptionalDouble.of(1.0),
                new SynapticKernel.Function((xi, zeta) -> j0), (v, xi) -> Math.exp(-(v - 0.3) * (v - 0.3) / 0.02));
    }

    static NifSpectral system(double j0, int degree, ColumnPool pool) {
        return new NifSpectral(model(j0), new LobattoElements(BREAKS, degree), UniformGrid.unitInterval(1), pool);
    }

    /** Siegert's rate of the population at total mean input c = I + J0 R. */
    static double siegert(double c) {
        return SiegertRate.of(1.0, c, SIGMA, 0.0, 1.0);
    }
}
