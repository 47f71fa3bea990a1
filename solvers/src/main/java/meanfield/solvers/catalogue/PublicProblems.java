package meanfield.solvers.catalogue;

import java.util.List;
import java.util.OptionalDouble;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.mv.MvModel;
import meanfield.solvers.nif.NifSolver;
import meanfield.solvers.time.TimeControl;

/**
 * P1–P4 of MODEL.md section 4 as model objects with their default grids and time control, and the
 * exactly solvable cases of MODEL.md 1.3 and 3 (constant firing rate, linear growth of MV modes;
 * the K = 1 case of 2.3 lives with its exact mode solution in the TOPO tests). Initial data are left unnormalized, as in the problem files: the
 * discretizations normalize them to mass 1.
 */
public final class PublicProblems {
    /** The built-in names, in the order {@code meanfield problems} lists them. */
    public static final List<String> NAMES = List.of("nif-ring", "nnlif-bistable", "topo-1d", "topo-2d", "mv-1d");

    /** A NIF problem: model, v grid, label grid, time. */
    public record Nif(String name, NifModel model, UniformGrid v, UniformGrid labels, TimeControl time) {
    }

    /** A TOPO problem: model, points per dimension, time. */
    public record Topo(String name, TopoModel model, int cells, TimeControl time) {
    }

    /** An MV problem: model, collocation nodes per dimension, time. */
    public record Mv(String name, MvModel model, int cells, TimeControl time) {
    }

    private PublicProblems() {
    }

    /**
     * P1 nif-ring: v_R = 0, mu = -v + 1.2, sigma = 0.1, nu = 5 / (1 + exp(-(v - 1)/0.2)),
     * w = 0.1 + 0.3 cos(2 pi (xi - zeta)), f0 Gaussian in v with mean 0.5 + 0.3 cos(2 pi xi) and
     * standard deviation 0.15; v in [-1.5, 3.5] with 400 cells, 64 label cells, T = 5, outputs every 0.05.
     */
    public static Nif nifRing() {
        NifModel model = new NifModel(0.0, 0.1, Drift.autonomous((v, xi) -> -v + 1.2), FiringRate.sigmoid(5, 1, 0.2),
                OptionalDouble.empty(),
                new SynapticKernel.Function((xi, zeta) -> 0.1 + 0.3 * Math.cos(2 * Math.PI * (xi - zeta))),
                (v, xi) -> {
                    double z = (v - 0.5 - 0.3 * Math.cos(2 * Math.PI * xi)) / 0.15;
                    return Math.exp(-0.5 * z * z);
                });
        return new Nif("nif-ring", model, new UniformGrid(-1.5, 3.5, 400), UniformGrid.unitInterval(64),
                new TimeControl(5.0, 0.05, Double.NaN, NifSolver.DEFAULT_TOLERANCE));
    }

    /**
     * nnlif-bistable: the excitatory all-to-all NNLIF population of Caceres, Carrillo and Perthame
     * (2011) with a hard threshold at 1, v_R = 0, mu = -v + 0.3, sigma = 0.05, kernel J0 (1.5 by
     * default), f0 Gaussian at 0.3 with standard deviation 0.1; v in [-1.5, 1] with 400 cells, one
     * label cell (the kernel is constant), T = 5, outputs every 0.05.
     */
    public static Nif nnlifBistable(double j0) {
        NifModel model = new NifModel(0.0, 0.05, Drift.autonomous((v, xi) -> -v + 0.3), FiringRate.NONE,
                OptionalDouble.of(1.0), new SynapticKernel.Function((xi, zeta) -> j0),
                (v, xi) -> Math.exp(-(v - 0.3) * (v - 0.3) / (2 * 0.01)));
        return new Nif("nnlif-bistable", model, new UniformGrid(-1.5, 1.0, 400), UniformGrid.unitInterval(1),
                new TimeControl(5.0, 0.05, Double.NaN, NifSolver.DEFAULT_TOLERANCE));
    }

    /**
     * P2 topo-1d: K(m) = (e^{1-m} - 1)/(e - 2), 32 velocities evenly spaced on [-1, 1],
     * f0 proportional to (1 + 0.4 cos(2 pi x)) exp(-(v - 0.5 sin(2 pi x))^2 / (2 * 0.3^2)); 256 points, T = 2.
     */
    public static Topo topo1d() {
        return new Topo("topo-1d", topo1d(32), 256, new TimeControl(2.0, 0.05, Double.NaN, TOPO_TOLERANCE));
    }

    /** The model of P2 with another number of velocity nodes on [-1, 1] (one node: v = 0). */
    public static TopoModel topo1d(int velocities) {
        return new TopoModel(1, RankWeight.exponential(), velocityGrid(velocities), (x, v) ->
                (1 + 0.4 * Math.cos(2 * Math.PI * x[0]))
                        * Math.exp(-Math.pow(v[0] - 0.5 * Math.sin(2 * Math.PI * x[0]), 2) / (2 * 0.3 * 0.3)));
    }

    /**
     * P3 topo-2d: the same K, 16 unit velocities (cos a, sin a), a = 2 pi k/16,
     * f0 proportional to (1 + 0.3 cos(2 pi x) cos(2 pi y)) exp(2 cos(a - 2 pi y)); 64 x 64 points, T = 1.
     */
    public static Topo topo2d() {
        double[][] v = new double[16][2];
        for (int k = 0; k < 16; k++) {
            double a = 2 * Math.PI * k / 16;
            v[k][0] = Math.cos(a);
            v[k][1] = Math.sin(a);
        }
        TopoModel model = new TopoModel(2, RankWeight.exponential(), v, (x, u) -> (1 + 0.3 * Math.cos(2 * Math.PI * x[0])
                * Math.cos(2 * Math.PI * x[1])) * Math.exp(2 * Math.cos(Math.atan2(u[1], u[0]) - 2 * Math.PI * x[1])));
        return new Topo("topo-2d", model, 64, new TimeControl(1.0, 0.05, Double.NaN, TOPO_TOLERANCE));
    }

    /** P4 mv-1d: Kf(x) = -sin(2 pi x), sigma = 0.02, f0 = 1 + 0.2 cos(2 pi x); 256 nodes, T = 5. */
    public static Mv mv1d() {
        MvModel model = MvModel.oneDimensional(0.02, x -> -Math.sin(2 * Math.PI * x),
                x -> 1 + 0.2 * Math.cos(2 * Math.PI * x));
        return new Mv("mv-1d", model, 256, new TimeControl(5.0, 0.05, Double.NaN, MV_TOLERANCE));
    }

    /**
     * Default tolerance of the spectral TOPO solver's adaptive step (key {@code time.tolerance}): the
     * local error per step, max over the nodes and velocities of the error in f (absolute, the total
     * mass being 1). Spectral accuracy in space deserves a tight one in time: at 256 points P2's
     * spatial error is at round-off (2e-16 against 512 points), and this tolerance puts its time
     * error at T = 2 at 2.6e-11, a quarter of 1e-10 (1e-10 gives 2.3e-10, 1e-9 gives 2.6e-9: the
     * global error is about 2.5 times the tolerance), in 236 steps against 120 of the old fixed
     * default (time error 1.8e-10).
     */
    public static final double TOPO_TOLERANCE = 1e-11;
    /**
     * Default tolerance of the MV solver's adaptive step, in the same norm (max over the nodes of the
     * error in f, the mean density being 1). At 256 nodes P4's spatial error is at round-off; this
     * tolerance puts its time error at T = 5 at 2.5e-11 (the global error is about a quarter of the
     * tolerance) in 9.5e3 steps, against 6.7e-9 in 2.7e3 steps at the old CFL default.
     */
    public static final double MV_TOLERANCE = 1e-10;

    /** count velocities evenly spaced on [-1, 1], endpoints included (one node: v = 0). */
    public static double[][] velocityGrid(int count) {
        double[][] v = new double[count][1];
        for (int k = 0; k < count; k++) {
            v[k][0] = count == 1 ? 0 : -1 + 2.0 * k / (count - 1);
        }
        return v;
    }

    /**
     * The exactly solvable network of MODEL.md 1.3: nu = lambda, mu = -a v + input(v, xi), kernel w,
     * Gaussian start at 0.4 with standard deviation 0.2. r = lambda exactly, the mean solves a linear
     * ODE and the stationary density is an exponential mixture of Gaussians.
     */
    public static NifModel constantRate(double lambda, double a, Drift.Autonomous input, double sigma,
            SynapticKernel kernel) {
        return new NifModel(0.0, sigma, Drift.autonomous((v, xi) -> -a * v + input.value(v, xi)),
                FiringRate.constant(lambda), OptionalDouble.empty(), kernel, (v, xi) -> gaussian(v, 0.4, 0.2));
    }

    /**
     * The 2D attraction Kf = grad(cos 2 pi x cos 2 pi y) / (2 pi) (MODEL.md 3): its coefficients at
     * k = (1, 1) are Kfhat = (i/4, i/4), so mode (1, 1) grows at pi - 8 pi^2 sigma.
     */
    public static MvModel attraction2d(double sigma, meanfield.solvers.mv.TorusFunction initial) {
        return new MvModel(2, sigma, List.of(
                x -> -Math.sin(2 * Math.PI * x[0]) * Math.cos(2 * Math.PI * x[1]),
                x -> -Math.cos(2 * Math.PI * x[0]) * Math.sin(2 * Math.PI * x[1])), initial);
    }

    /** The normal density N(v; mean, sd^2). */
    public static double gaussian(double v, double mean, double sd) {
        double z = (v - mean) / sd;
        return Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
    }
}
