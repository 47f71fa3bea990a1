package meanfield.solvers.nif;

import java.util.OptionalDouble;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.time.TimeControl;

/** Models shared by the NIF tests: P1 of MODEL.md and the exactly solvable constant-rate network. */
final class NifTestProblems {
    private NifTestProblems() {
    }

    static final UniformGrid P1_V = new UniformGrid(-1.5, 3.5, 400);

    static NifModel p1() {
        return new NifModel(0.0, 0.1, Drift.autonomous((v, xi) -> -v + 1.2), FiringRate.sigmoid(5, 1, 0.2),
                OptionalDouble.empty(),
                new SynapticKernel.Function((xi, zeta) -> 0.1 + 0.3 * Math.cos(2 * Math.PI * (xi - zeta))),
                (v, xi) -> gaussian(v, 0.5 + 0.3 * Math.cos(2 * Math.PI * xi), 0.15));
    }

    /** nu = lambda, mu = -a v + input(xi), kernel w, Gaussian start at 0.4 with sd 0.2. */
    static NifModel constantRate(double lambda, double a, Drift.Autonomous input, double sigma,
            SynapticKernel kernel) {
        return new NifModel(0.0, sigma, Drift.autonomous((v, xi) -> -a * v + input.value(v, xi)),
                FiringRate.constant(lambda), OptionalDouble.empty(), kernel, (v, xi) -> gaussian(v, 0.4, 0.2));
    }

    static SynapticKernel none() {
        return new SynapticKernel.Function((xi, zeta) -> 0.0);
    }

    static double gaussian(double v, double mean, double sd) {
        double z = (v - mean) / sd;
        return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }

    static TimeControl fixed(double end, double dt) {
        return new TimeControl(end, end, dt, 1.0);
    }

    static TimeControl adaptive(double end, double tolerance) {
        return new TimeControl(end, end, Double.NaN, tolerance);
    }

    static NifSolution solve(NifModel model, UniformGrid v, int labels, TimeControl control) {
        return new NifSolver(model, v, UniformGrid.unitInterval(labels), control).solve(1, t -> {
        });
    }

    /** Final density. */
    static double[] last(NifSolution s) {
        return s.density(s.outputCount() - 1);
    }

    /** max over labels of the L1 distance between f on grid nv and f on grid 2 nv averaged onto it. */
    static double distanceToRefined(double[] coarse, double[] fine, int labels, UniformGrid v) {
        int nv = v.cells();
        double max = 0;
        for (int l = 0; l < labels; l++) {
            double sum = 0;
            for (int k = 0; k < nv; k++) {
                double restricted = 0.5 * (fine[l * 2 * nv + 2 * k] + fine[l * 2 * nv + 2 * k + 1]);
                sum += Math.abs(coarse[l * nv + k] - restricted);
            }
            max = Math.max(max, v.h() * sum);
        }
        return max;
    }

    /** max over labels of the L1 distance between two densities on the same grid. */
    static double maxL1(double[] f, double[] g, int labels, UniformGrid v) {
        int nv = v.cells();
        double max = 0;
        for (int l = 0; l < labels; l++) {
            double sum = 0;
            for (int k = l * nv; k < (l + 1) * nv; k++) {
                sum += Math.abs(f[k] - g[k]);
            }
            max = Math.max(max, v.h() * sum);
        }
        return max;
    }

    static double order(double coarseError, double fineError, double ratio) {
        return Math.log(coarseError / fineError) / Math.log(ratio);
    }
}
