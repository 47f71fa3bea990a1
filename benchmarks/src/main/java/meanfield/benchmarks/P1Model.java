package meanfield.benchmarks;

import java.util.OptionalDouble;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;

/**
 * Problem P1 (nif-ring) of MODEL.md section 4 as plain lambdas, so a benchmark measures the
 * solver and not formula parsing: v_R = 0, mu = -v + 1.2, sigma = 0.1,
 * nu = 5 / (1 + exp(-(v - 1) / 0.2)), w = 0.1 + 0.3 cos(2 pi (xi - zeta)),
 * f0 Gaussian in v with mean 0.5 + 0.3 cos(2 pi xi) and standard deviation 0.15,
 * on v in [-1.5, 3.5] up to T = 5.
 */
public final class P1Model {
    /** The problem's horizon T. */
    public static final double END = 5.0;
    /** The problem's output interval (PROBLEMS.md time.output_every). */
    public static final double OUTPUT_EVERY = 0.05;
    /** The problem's default grid: 400 v cells by 64 label cells. */
    public static final int DEFAULT_V_CELLS = 400;
    public static final int DEFAULT_LABEL_CELLS = 64;

    private static final double V_MIN = -1.5;
    private static final double V_MAX = 3.5;
    private static final double INITIAL_SD = 0.15;

    private P1Model() {
    }

    public static NifModel model() {
        // f0 is left unnormalized: the solver normalizes each label to mass 1 on the truncated domain.
        return new NifModel(0.0, 0.1,
                Drift.autonomous((v, xi) -> -v + 1.2),
                FiringRate.sigmoid(5.0, 1.0, 0.2),
                OptionalDouble.empty(),
                new SynapticKernel.Function((xi, zeta) -> 0.1 + 0.3 * Math.cos(2 * Math.PI * (xi - zeta))),
                (v, xi) -> {
                    double z = (v - 0.5 - 0.3 * Math.cos(2 * Math.PI * xi)) / INITIAL_SD;
                    return Math.exp(-0.5 * z * z);
                });
    }

    /** The computational v domain [-1.5, 3.5] in the given number of cells. */
    public static UniformGrid vGrid(int cells) {
        return new UniformGrid(V_MIN, V_MAX, cells);
    }

    /** Labels xi in [0, 1] in the given number of cells. */
    public static UniformGrid labelGrid(int cells) {
        return UniformGrid.unitInterval(cells);
    }
}
