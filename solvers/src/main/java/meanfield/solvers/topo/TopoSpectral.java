package meanfield.solvers.topo;

import java.util.List;

import meanfield.grids.fourier.FourierMultiplier;
import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.run.Forcing;
import meanfield.solvers.run.RunObserver;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.run.SourceTerm;
import meanfield.solvers.time.DiagonalSplitSystem;
import meanfield.solvers.time.FactorCache;
import meanfield.solvers.time.TimeControl;

/**
 * The topological kinetic equation in 1D and 2D by Fourier collocation (n nodes j/n per
 * dimension), stepped in the interaction picture: the state is the spectra of the f_k,
 * transport -v_k . grad is the diagonal part (exact phases e^{-2 pi i kappa . v_k t}), and the
 * collision -f + gain the explicit part.
 * <p>
 * The gain is a radial integral, gain_k(x) = rho(x) int_0^{R_max} K(M(x, R)) (C_R f_k)(x) dR,
 * with C_R the integral over the points at distance R, taken with the nodes and the exact ball
 * and ring Fourier multipliers of {@link RadialQuadrature}. The same quadrature applied to rho
 * gives the balance B(x) = int_0^1 K = 1 up to quadrature error; the gain is divided by it, so
 * that the collision keeps rho at every node to round-off and the total mass is exact at every
 * stage. A K with jumps or kinks (nearest fraction) makes the integrand jump where M(x, R)
 * crosses them: in 1D the radial integral is then split there at every node
 * ({@link SplitRadialGain}); in 2D that is not done and such a K is refused (use finite volumes).
 */
public final class TopoSpectral implements DiagonalSplitSystem, SemiDiscretization {
    /**
     * The step of a scheme without an error estimate when the problem gives no {@code time.dt}
     * (the default scheme, Lawson RK4, is adaptive and does not use it): no step limit applies
     * (transport is exact, the collision has rate 1), and on P2 Lawson RK4 at this step has a
     * time error of 1.8e-10 at T = 2.
     */
    public static final double DEFAULT_STEP = 0.02;

    private final TopoModel model;
    private final TopoFields fields;
    private final PeriodicGrid grid;
    private final RankWeight weight;
    private final double[][] velocities;
    private final int points;
    private final int nvel;
    private final int spectrum;
    private final int nodes;
    private final ColumnPool pool;
    private final double[] radialWeight;
    private final FourierMultiplier[] ball;
    private final FourierMultiplier[] ring;
    private final FourierTransform[] transforms;
    private final double[][] spectra;
    private final double[][] values;
    private final double[][] sums;
    private final double[][] velocitySpectra;
    private final double[] physical;
    private final double[] rho;
    private final double[] rhoHat;
    private final double[] kernelAtNodes;
    private final double[] balanceParts;
    private final double[] balance;
    private final FactorCache phaseCache;
    private final SplitRadialGain split;
    private final double[] splitGain;
    private SourceTerm source;
    private final double[] velocityErrors;
    /** The states {@link #errorChunk} compares (fields, so that the chunk is built once, not per step). */
    private double[] errorA;
    private double[] errorB;
    private final ColumnPool.Chunk errorChunk = this::velocityErrors;

    public TopoSpectral(TopoModel model, PeriodicGrid grid, int radialNodes, ColumnPool pool) {
        if (model.dimension() > 2 || grid.dimension() != model.dimension()) {
            throw new InvalidModelException(InvalidModelException.Part.VELOCITIES,
                    "the spectral TOPO solver works in 1D and 2D; use the finite-volume solver in 3D");
        }
        if (model.weight().breaks().length > 0 && model.dimension() != 1) {
            throw new InvalidModelException(InvalidModelException.Part.RANK_WEIGHT, "the 2D spectral TOPO solver needs"
                    + " a rank weight K smooth on [0, 1]; for one with a jump use the finite-volume solver");
        }
        this.model = model;
        this.fields = new TopoFields(model.dimension(), grid.nodes(), model.velocities());
        this.grid = grid;
        this.weight = model.weight();
        this.velocities = model.velocities();
        this.points = grid.size();
        this.nvel = model.velocityCount();
        this.pool = pool;
        FourierTransform plan = new FourierTransform(grid);
        RadialQuadrature quadrature = RadialQuadrature.on(plan, radialNodes, OUTER_NODES);
        this.nodes = quadrature.size();
        this.radialWeight = quadrature.weight;
        this.ball = quadrature.ball;
        this.ring = quadrature.ring;
        this.spectrum = plan.spectrumLength();
        int workers = pool.workers();
        this.transforms = new FourierTransform[workers];
        this.spectra = new double[workers][spectrum];
        this.values = new double[workers][points];
        this.sums = new double[workers][points];
        this.velocitySpectra = new double[workers][spectrum];
        for (int w = 0; w < workers; w++) {
            transforms[w] = w == 0 ? plan : new FourierTransform(grid);
        }
        this.physical = new double[nvel * points];
        this.rho = new double[points];
        this.rhoHat = new double[spectrum];
        this.kernelAtNodes = new double[nodes * points];
        this.balanceParts = new double[nodes * points];
        this.balance = new double[points];
        this.phaseCache = new FactorCache(nvel * spectrum, this::phases);
        this.split = model.weight().breaks().length == 0 ? null : new SplitRadialGain(model.weight(), grid.n(), nvel,
                radialNodes / 2 + 8, pool);
        this.splitGain = split == null ? null : new double[nvel * points];
        this.velocityErrors = new double[nvel];
    }

    /** Radial nodes on [1/2, sqrt(2)/2] in 2D (after the substitution R = 1/2 + c s^2). */
    private static final int OUTER_NODES = 16;

    /**
     * The default number of radial nodes on [0, 1/2] for n points per dimension: enough for the
     * modes a smooth solution carries.
     */
    public static int defaultRadialNodes(int n) {
        return Math.max(32, n / 4);
    }

    @Override
    public int size() {
        return nvel * spectrum;
    }

    @Override
    public double[] initialState() {
        return initialState(model);
    }

    @Override
    public String defaultScheme() {
        return "lawson-rk4";
    }

    /** {@link #DEFAULT_STEP}, for schemes without an error estimate; each output interval is split into equal steps no longer than it. */
    @Override
    public double defaultStep(TimeControl control) {
        return DEFAULT_STEP;
    }

    @Override
    public ResultLayout layout() {
        return fields.layout();
    }

    @Override
    public void fields(double t, double[] y, double[][] out) {
        toPhysical(y, out[1]);
        fields.complete(out);
    }

    @Override
    public List<RunObserver> diagnostics() {
        return fields.diagnostics();
    }

    @Override
    public String locate(double[] y) {
        return "the spectrum";
    }

    /** f0 at the nodes j/n and velocity nodes, normalized to total mass 1, as spectra. */
    public double[] initialState(TopoModel model) {
        double[] f = new double[nvel * points];
        double mass = 0;
        double[] x = new double[grid.dimension()];
        for (int k = 0; k < nvel; k++) {
            for (int j = 0; j < points; j++) {
                grid.point(j, x);
                double value = model.initial().value(x, velocities[k]);
                if (!(value >= 0) || !Double.isFinite(value)) {
                    throw new InvalidModelException(InvalidModelException.Part.INITIAL, "the initial density is "
                            + value + " at x = " + java.util.Arrays.toString(x) + ", v = " + java.util.Arrays.toString(velocities[k]));
                }
                f[k * points + j] = value;
                mass += value / points;
            }
        }
        if (!(mass > 0)) {
            throw new InvalidModelException(InvalidModelException.Part.INITIAL, "the initial density is zero everywhere");
        }
        double[] y = new double[size()];
        double[] column = new double[points];
        for (int k = 0; k < nvel; k++) {
            for (int j = 0; j < points; j++) {
                column[j] = f[k * points + j] / mass;
            }
            transforms[0].forward(column, spectra[0]);
            System.arraycopy(spectra[0], 0, y, k * spectrum, spectrum);
        }
        return y;
    }

    /** The node values f_k(x_j) of state y, point-major: out[j * nvel + k]. */
    public void toPhysical(double[] y, double[] out) {
        pool.forEachChunk(nvel, (worker, from, to) -> {
            for (int k = from; k < to; k++) {
                System.arraycopy(y, k * spectrum, spectra[worker], 0, spectrum);
                transforms[worker].inverse(spectra[worker], values[worker]);
                for (int j = 0; j < points; j++) {
                    out[j * nvel + k] = values[worker][j];
                }
            }
        });
    }

    @Override
    public void propagate(double dt, double[] in, double[] out) {
        double[] phases = phaseCache.of(dt);
        for (int i = 0; i < in.length; i += 2) {
            double re = in[i];
            double im = in[i + 1];
            out[i] = phases[i] * re - phases[i + 1] * im;
            out[i + 1] = phases[i] * im + phases[i + 1] * re;
        }
    }

    /** e^{-2 pi i kappa . v_k dt} for every mode kappa and velocity node k, interleaved. */
    private void phases(double dt, double[] phases) {
        int[] wave = new int[grid.dimension()];
        for (int k = 0; k < nvel; k++) {
            for (int c = 0; c < spectrum / 2; c++) {
                transforms[0].wavevector(c, wave);
                double kv = 0;
                for (int a = 0; a < wave.length; a++) {
                    kv += wave[a] * velocities[k][a];
                }
                double angle = -2 * Math.PI * kv * dt;
                phases[k * spectrum + 2 * c] = Math.cos(angle);
                phases[k * spectrum + 2 * c + 1] = Math.sin(angle);
            }
        }
    }

    /** The collision -f + gain; autonomous, so t is not used. */
    @Override
    public void explicitPart(double t, double[] y, double[] out) {
        collision(y, out);
        if (source != null) {
            source.addTo(t, out);
        }
    }

    /** Adds a source s(t), given as spectra like the state, to the explicit part (a manufactured solution's). */
    public void force(Forcing forcing) {
        this.source = new SourceTerm(forcing, size(), null);
    }

    /** out = -f + gain, as spectra. */
    private void collision(double[] y, double[] out) {
        pool.forEachChunk(nvel, (worker, from, to) -> {
            for (int k = from; k < to; k++) {
                System.arraycopy(y, k * spectrum, spectra[worker], 0, spectrum);
                transforms[worker].inverse(spectra[worker], values[worker]);
                System.arraycopy(values[worker], 0, physical, k * points, points);
            }
        });
        java.util.Arrays.fill(rho, 0.0);
        for (int k = 0; k < nvel; k++) {
            for (int j = 0; j < points; j++) {
                rho[j] += physical[k * points + j];
            }
        }
        transforms[0].forward(rho, rhoHat);
        if (split != null) {
            split.gain(y, rhoHat, rho, splitGain, balance);
            pool.forEachChunk(nvel, (worker, from, to) -> {
                double[] v = values[worker];
                for (int k = from; k < to; k++) {
                    for (int j = 0; j < points; j++) {
                        v[j] = splitGain[k * points + j] - physical[k * points + j];
                    }
                    transforms[worker].forward(v, spectra[worker]);
                    System.arraycopy(spectra[worker], 0, out, k * spectrum, spectrum);
                }
            });
            return;
        }
        pool.forEachChunk(nodes, (worker, from, to) -> {
            for (int q = from; q < to; q++) {
                double[] s = spectra[worker];
                double[] v = values[worker];
                ball[q].apply(rhoHat, s);
                transforms[worker].inverse(s, v);
                for (int j = 0; j < points; j++) {
                    // Spectral M may leave [0, 1] by round-off; K is defined there only.
                    double m = Math.min(1.0, Math.max(0.0, v[j]));
                    kernelAtNodes[q * points + j] = radialWeight[q] * weight.value(m);
                }
                ring[q].apply(rhoHat, s);
                transforms[worker].inverse(s, v);
                for (int j = 0; j < points; j++) {
                    balanceParts[q * points + j] = kernelAtNodes[q * points + j] * v[j];
                }
            }
        });
        java.util.Arrays.fill(balance, 0.0);
        for (int q = 0; q < nodes; q++) {
            for (int j = 0; j < points; j++) {
                balance[j] += balanceParts[q * points + j];
            }
        }
        pool.forEachChunk(nvel, (worker, from, to) -> {
            double[] s = spectra[worker];
            double[] v = values[worker];
            double[] acc = sums[worker];
            double[] own = velocitySpectra[worker];
            for (int k = from; k < to; k++) {
                System.arraycopy(y, k * spectrum, own, 0, spectrum);
                java.util.Arrays.fill(acc, 0.0);
                for (int q = 0; q < nodes; q++) {
                    ring[q].apply(own, s);
                    transforms[worker].inverse(s, v);
                    for (int j = 0; j < points; j++) {
                        acc[j] += kernelAtNodes[q * points + j] * v[j];
                    }
                }
                for (int j = 0; j < points; j++) {
                    v[j] = rho[j] * acc[j] / balance[j] - physical[k * points + j];
                }
                transforms[worker].forward(v, s);
                System.arraycopy(s, 0, out, k * spectrum, spectrum);
            }
        });
    }

    /**
     * max over velocity nodes k and collocation nodes x_j of |f^a_k(x_j) - f^b_k(x_j)|: the local
     * error in the unknowns the solver reports (node masses at the nodes), absolute and so relative
     * to the total mass 1. The coefficients themselves would be a poor measure: a coefficient is an
     * average over the torus, and an error spread over m modes reaches up to m times the largest
     * coefficient error at a node. One inverse transform per velocity, against the several hundred
     * of an evaluation of the gain.
     */
    @Override
    public double errorNorm(double[] a, double[] b) {
        errorA = a;
        errorB = b;
        pool.forEachChunk(nvel, errorChunk);
        double max = 0.0;
        for (int k = 0; k < nvel; k++) {
            // Math.max keeps a NaN, so a non-finite state fails the step rather than passing as a zero error.
            max = Math.max(max, velocityErrors[k]);
        }
        return max;
    }

    /** max_j |f^a_k(x_j) - f^b_k(x_j)| for velocities [from, to), into {@link #velocityErrors}. */
    private void velocityErrors(int worker, int from, int to) {
        double[] s = spectra[worker];
        double[] v = values[worker];
        for (int k = from; k < to; k++) {
            int offset = k * spectrum;
            for (int i = 0; i < spectrum; i++) {
                s[i] = errorA[offset + i] - errorB[offset + i];
            }
            transforms[worker].inverse(s, v);
            double max = 0.0;
            for (int j = 0; j < points; j++) {
                max = Math.max(max, Math.abs(v[j]));
            }
            velocityErrors[k] = max;
        }
    }

    /** The quadrature's balance B(x_j) = sum_q w_q K(M(x_j, R_q)) (rho(x_j + R_q) + rho(x_j - R_q)) of the last explicit part. */
    double balanceAt(int j) {
        return balance[j];
    }

}
