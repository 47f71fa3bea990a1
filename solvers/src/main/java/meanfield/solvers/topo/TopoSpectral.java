package meanfield.solvers.topo;

import meanfield.grids.GaussLegendre;
import meanfield.grids.fourier.FourierMultiplier;
import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.DiagonalSplitSystem;

/**
 * The topological kinetic equation in 1D by Fourier collocation (n nodes j/n), stepped in the
 * interaction picture: the state is the spectra of the f_k, transport -v_k d_x is the diagonal
 * part (exact phases e^{-2 pi i kappa v_k t}), and the collision -f + gain the explicit part.
 * <p>
 * The gain is a radial integral, gain_k(x) = rho(x) int_0^{1/2} K(M(x, R)) [f_k(x + R) + f_k(x - R)] dR,
 * taken with Gauss–Legendre nodes R_q on [0, 1/2]: M(x, R_q) = int_{x-R}^{x+R} rho and the ring
 * sums f_k(x + R) + f_k(x - R) are exact Fourier multipliers (sin(2 pi kappa R)/(pi kappa) and
 * 2 cos(2 pi kappa R)). The same quadrature applied to rho gives the balance
 * B(x) = int_0^1 K = 1 up to quadrature error; the gain is divided by it, so that the collision
 * keeps rho at every node to round-off and the total mass is exact at every stage. K must be
 * smooth on [0, 1]: a K with a jump (nearest fraction) needs the radial integral split where
 * M(x, R) crosses the jump, which is not done here (use the finite-volume solver).
 */
public final class TopoSpectral implements DiagonalSplitSystem {
    private final PeriodicGrid grid;
    private final RankWeight weight;
    private final double[][] velocities;
    private final int n;
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
    private double phaseStep = Double.NaN;
    private final double[] phases;

    public TopoSpectral(TopoModel model, PeriodicGrid grid, int radialNodes, ColumnPool pool) {
        if (model.dimension() != 1 || grid.dimension() != 1) {
            throw new InvalidModelException(InvalidModelException.Part.VELOCITIES,
                    "the spectral TOPO solver is one-dimensional so far; use the finite-volume solver");
        }
        if (model.weight().breaks().length > 0) {
            throw new InvalidModelException(InvalidModelException.Part.RANK_WEIGHT, "the spectral TOPO solver needs a"
                    + " rank weight K smooth on [0, 1]; for one with a jump use the finite-volume solver");
        }
        this.grid = grid;
        this.weight = model.weight();
        this.velocities = model.velocities();
        this.n = grid.n();
        this.nvel = model.velocityCount();
        this.pool = pool;
        this.nodes = radialNodes;
        GaussLegendre rule = GaussLegendre.on(radialNodes, 0.0, 0.5);
        this.radialWeight = new double[radialNodes];
        this.ball = new FourierMultiplier[radialNodes];
        this.ring = new FourierMultiplier[radialNodes];
        FourierTransform plan = new FourierTransform(grid);
        for (int q = 0; q < radialNodes; q++) {
            double r = rule.node(q);
            radialWeight[q] = rule.weight(q);
            ball[q] = FourierMultiplier.of(plan, (k, m) -> m[0] = k[0] == 0 ? 2 * r
                    : Math.sin(2 * Math.PI * k[0] * r) / (Math.PI * k[0]));
            ring[q] = FourierMultiplier.of(plan, (k, m) -> m[0] = 2 * Math.cos(2 * Math.PI * k[0] * r));
        }
        this.spectrum = plan.spectrumLength();
        int workers = pool.workers();
        this.transforms = new FourierTransform[workers];
        this.spectra = new double[workers][spectrum];
        this.values = new double[workers][n];
        this.sums = new double[workers][n];
        this.velocitySpectra = new double[workers][spectrum];
        for (int w = 0; w < workers; w++) {
            transforms[w] = w == 0 ? plan : new FourierTransform(grid);
        }
        this.physical = new double[nvel * n];
        this.rho = new double[n];
        this.rhoHat = new double[spectrum];
        this.kernelAtNodes = new double[radialNodes * n];
        this.balanceParts = new double[radialNodes * n];
        this.balance = new double[n];
        this.phases = new double[nvel * spectrum];
    }

    /** The default number of radial nodes for n points: enough for the modes a smooth solution carries. */
    public static int defaultRadialNodes(int n) {
        return Math.max(32, n / 4);
    }

    @Override
    public int size() {
        return nvel * spectrum;
    }

    public PeriodicGrid grid() {
        return grid;
    }

    /** f0 at the nodes j/n and velocity nodes, normalized to total mass 1, as spectra. */
    public double[] initialState(TopoModel model) {
        double[] f = new double[nvel * n];
        double mass = 0;
        double[] x = new double[1];
        for (int k = 0; k < nvel; k++) {
            for (int j = 0; j < n; j++) {
                x[0] = grid.node(j);
                double value = model.initial().value(x, velocities[k]);
                if (!(value >= 0) || !Double.isFinite(value)) {
                    throw new InvalidModelException(InvalidModelException.Part.INITIAL, "the initial density is "
                            + value + " at x = " + x[0] + ", v = " + java.util.Arrays.toString(velocities[k]));
                }
                f[k * n + j] = value;
                mass += value / n;
            }
        }
        if (!(mass > 0)) {
            throw new InvalidModelException(InvalidModelException.Part.INITIAL, "the initial density is zero everywhere");
        }
        double[] y = new double[size()];
        double[] column = new double[n];
        for (int k = 0; k < nvel; k++) {
            for (int j = 0; j < n; j++) {
                column[j] = f[k * n + j] / mass;
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
                for (int j = 0; j < n; j++) {
                    out[j * nvel + k] = values[worker][j];
                }
            }
        });
    }

    @Override
    public void propagate(double dt, double[] in, double[] out) {
        if (dt != phaseStep) {
            for (int k = 0; k < nvel; k++) {
                for (int c = 0; c < spectrum / 2; c++) {
                    double angle = -2 * Math.PI * c * velocities[k][0] * dt;
                    phases[k * spectrum + 2 * c] = Math.cos(angle);
                    phases[k * spectrum + 2 * c + 1] = Math.sin(angle);
                }
            }
            phaseStep = dt;
        }
        for (int i = 0; i < in.length; i += 2) {
            double re = in[i];
            double im = in[i + 1];
            out[i] = phases[i] * re - phases[i + 1] * im;
            out[i + 1] = phases[i] * im + phases[i + 1] * re;
        }
    }

    @Override
    public void explicitPart(double[] y, double[] out) {
        pool.forEachChunk(nvel, (worker, from, to) -> {
            for (int k = from; k < to; k++) {
                System.arraycopy(y, k * spectrum, spectra[worker], 0, spectrum);
                transforms[worker].inverse(spectra[worker], values[worker]);
                System.arraycopy(values[worker], 0, physical, k * n, n);
            }
        });
        java.util.Arrays.fill(rho, 0.0);
        for (int k = 0; k < nvel; k++) {
            for (int j = 0; j < n; j++) {
                rho[j] += physical[k * n + j];
            }
        }
        transforms[0].forward(rho, rhoHat);
        pool.forEachChunk(nodes, (worker, from, to) -> {
            for (int q = from; q < to; q++) {
                double[] s = spectra[worker];
                double[] v = values[worker];
                ball[q].apply(rhoHat, s);
                transforms[worker].inverse(s, v);
                for (int j = 0; j < n; j++) {
                    // Spectral M may leave [0, 1] by round-off; K is defined there only.
                    double m = Math.min(1.0, Math.max(0.0, v[j]));
                    kernelAtNodes[q * n + j] = radialWeight[q] * weight.value(m);
                }
                ring[q].apply(rhoHat, s);
                transforms[worker].inverse(s, v);
                for (int j = 0; j < n; j++) {
                    balanceParts[q * n + j] = kernelAtNodes[q * n + j] * v[j];
                }
            }
        });
        java.util.Arrays.fill(balance, 0.0);
        for (int q = 0; q < nodes; q++) {
            for (int j = 0; j < n; j++) {
                balance[j] += balanceParts[q * n + j];
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
                    for (int j = 0; j < n; j++) {
                        acc[j] += kernelAtNodes[q * n + j] * v[j];
                    }
                }
                for (int j = 0; j < n; j++) {
                    v[j] = rho[j] * acc[j] / balance[j] - physical[k * n + j];
                }
                transforms[worker].forward(v, s);
                System.arraycopy(s, 0, out, k * spectrum, spectrum);
            }
        });
    }

    /** The quadrature's balance B(x_j) = sum_q w_q K(M(x_j, R_q)) (rho(x_j + R_q) + rho(x_j - R_q)) of the last explicit part. */
    double balanceAt(int j) {
        return balance[j];
    }

    public int velocityCount() {
        return nvel;
    }
}
