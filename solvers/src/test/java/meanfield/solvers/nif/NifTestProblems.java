package meanfield.solvers.nif;

import meanfield.grids.UniformGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.time.TimeControl;

/** Models shared by the NIF tests: P1 of MODEL.md and the exactly solvable constant-rate network. */
final class NifTestProblems {
    private NifTestProblems() {
    }

    static final UniformGrid P1_V = PublicProblems.nifRing().v();

    /** P1 from the catalogue. */
    static NifModel p1() {
        return PublicProblems.nifRing().model();
    }

    /** The constant-rate network of the catalogue (MODEL.md 1.3). */
    static NifModel constantRate(double lambda, double a, Drift.Autonomous input, double sigma,
            SynapticKernel kernel) {
        return PublicProblems.constantRate(lambda, a, input, sigma, kernel);
    }

    static SynapticKernel none() {
        return new SynapticKernel.Function((xi, zeta) -> 0.0);
    }

    static double gaussian(double v, double mean, double sd) {
        return PublicProblems.gaussian(v, mean, sd);
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
