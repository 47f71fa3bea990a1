package meanfield.solvers.topo;

import java.util.List;

import meanfield.grids.CellAverages;
import meanfield.grids.DistanceShells;
import meanfield.grids.PeriodicCells;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.run.Forcing;
import meanfield.solvers.run.RunObserver;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.run.SourceTerm;
import meanfield.solvers.time.ExplicitSystem;
import meanfield.solvers.time.TimeControl;

/**
 * The topological kinetic equation on n^d periodic cells, state cell-major: y[cell * nvel + k]
 * is the node mass density f_k at the cell (its average over the cell).
 * <ul>
 * <li>Transport: MUSCL fluxes with the van Leer limiter per velocity and dimension, upwind,
 * second order where f is smooth and never creating a new extremum.</li>
 * <li>Gain from exact discrete ranks: from cell i, the other cells in order of centre distance,
 * grouped into shells of equal distance. A shell holding mass m after mass M of closer shells
 * gets the weight (C(M + m) - C(M)) / m with C(m) = int_0^m K, the mean of K over its mass
 * interval. The weights, times the masses, telescope to C(1) = 1 at every cell, so the
 * collision -f + gain keeps rho at every cell to round-off (MODEL.md 2.3). The gain of all
 * velocities is one dense product G = W F, W the n_cells x n_cells weights in cell order and F
 * the state, taken in fixed blocks of rows of W (see {@link GainProduct}).</li>
 * </ul>
 * Forward Euler of the whole right-hand side is non-negative when
 * dt max_k sum_a |v_{k,a}| / h <= 0.4 and dt <= 0.1 (see {@link #positiveStepLimit()}), so SSP
 * Runge–Kutta steps under that limit keep f >= 0.
 */
public final class TopoFiniteVolume implements ExplicitSystem, SemiDiscretization {
    private static final double CFL = 0.4;
    private static final double COLLISION_STEP_LIMIT = 0.1;
    /**
     * Rows of W per block of the gain product, the length of its vectorized inner loop; a block's
     * W^T takes n_cells x BLOCK doubles per worker. Measured (one evaluation, JMH, one run each
     * on the shared 2-core machine): 2D 64^2 x 16 with 128 rows 253 ms, 64 rows 378 ms, 256 rows
     * 319 ms; 2D 32^2 x 16: 15, 19, 16 ms. Fixed, never derived from the thread count, so the
     * blocks and hence the sums are the same for any number of threads.
     */
    private static final int BLOCK = 128;

    private final TopoModel model;
    private final TopoFields fields;
    private final PeriodicCells cells;
    private final DistanceShells shells;
    private final RankWeight weight;
    private final double[][] velocities;
    private final int nc;
    private final int nvel;
    private final double volume;
    private final ColumnPool pool;
    private final double[] rho;
    private final int block;
    private final int[][] members;
    private final double[][] rankWeights;
    private final double[][][] weightColumns;
    private final double[][][] gains;
    private final double[][] fluxes;
    private SourceTerm source;

    public TopoFiniteVolume(TopoModel model, PeriodicCells cells, ColumnPool pool) {
        if (cells.dimension() != model.dimension()) {
            throw new IllegalArgumentException("a " + cells.dimension() + "-d grid for a " + model.dimension() + "-d model");
        }
        this.model = model;
        this.cells = cells;
        double[] centres = new double[cells.perDimension()];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (i + 0.5) / centres.length;
        }
        this.fields = new TopoFields(model.dimension(), centres, model.velocities());
        this.shells = new DistanceShells(cells);
        this.weight = model.weight();
        this.velocities = model.velocities();
        this.nc = cells.count();
        this.nvel = model.velocityCount();
        this.volume = cells.volume();
        this.pool = pool;
        this.rho = new double[nc];
        this.block = Math.min(BLOCK, nc);
        int workers = pool.workers();
        this.members = new int[workers][nc];
        this.rankWeights = new double[workers][nc];
        this.weightColumns = new double[workers][nc][block];
        this.gains = new double[workers][nvel][block];
        this.fluxes = new double[workers][nc];
    }

    /**
     * Cell averages of f0 at every velocity node (Gauss–Legendre in each cell for d <= 2, the
     * centre value for d = 3), normalized to total mass 1.
     */
    public double[] initialState(TopoModel model) {
        double[] y = new double[size()];
        int d = cells.dimension();
        UniformGrid axis = UniformGrid.unitInterval(cells.perDimension());
        double[] x = new double[d];
        for (int k = 0; k < nvel; k++) {
            double[] v = velocities[k];
            double[] averages;
            if (d == 1) {
                averages = CellAverages.of(p -> model.initial().value(new double[] {p}, v), axis, 3);
            } else if (d == 2) {
                averages = CellAverages.of((p, q) -> model.initial().value(new double[] {p, q}, v), axis, axis, 3);
            } else {
                averages = new double[nc];
                for (int c = 0; c < nc; c++) {
                    cells.center(c, x);
                    averages[c] = model.initial().value(x, v);
                }
            }
            for (int c = 0; c < nc; c++) {
                y[c * nvel + k] = averages[c];
            }
        }
        double mass = 0;
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0) || !Double.isFinite(y[i])) {
                cells.center(i / nvel, x);
                throw new InvalidModelException(InvalidModelException.Part.INITIAL, "the initial density is negative or not finite at x = "
                        + java.util.Arrays.toString(x) + ", v = " + java.util.Arrays.toString(velocities[i % nvel]));
            }
            mass += y[i] * volume;
        }
        if (!(mass > 0)) {
            throw new InvalidModelException(InvalidModelException.Part.INITIAL, "the initial density is zero everywhere");
        }
        for (int i = 0; i < y.length; i++) {
            y[i] /= mass;
        }
        return y;
    }

    @Override
    public int size() {
        return nc * nvel;
    }

    @Override
    public double[] initialState() {
        return initialState(model);
    }

    @Override
    public String defaultScheme() {
        return "ssp-rk2";
    }

    /** The positivity limit: the largest step that keeps f >= 0. */
    @Override
    public double defaultStep(TimeControl control) {
        return positiveStepLimit();
    }

    @Override
    public double maxStep() {
        return positiveStepLimit();
    }

    @Override
    public ResultLayout layout() {
        return fields.layout();
    }

    @Override
    public void fields(double t, double[] y, double[][] out) {
        System.arraycopy(y, 0, out[1], 0, y.length);
        fields.complete(out);
    }

    @Override
    public List<RunObserver> diagnostics() {
        return fields.diagnostics();
    }

    /** The largest step for which forward Euler, hence SSP Runge–Kutta, keeps f >= 0. */
    public double positiveStepLimit() {
        double fastest = 0;
        for (double[] v : velocities) {
            double sum = 0;
            for (double c : v) {
                sum += Math.abs(c);
            }
            fastest = Math.max(fastest, sum);
        }
        return fastest == 0 ? COLLISION_STEP_LIMIT : Math.min(COLLISION_STEP_LIMIT, CFL * cells.h() / fastest);
    }

    @Override
    public void rhs(double t, double[] y, double[] out) {
        density(y, rho);
        pool.forEachChunk(nvel, (worker, from, to) -> {
            for (int k = from; k < to; k++) {
                transport(k, y, out, fluxes[worker]);
            }
        });
        pool.forEachChunk((nc + block - 1) / block, (worker, from, to) -> {
            for (int b = from; b < to; b++) {
                collide(b * block, Math.min(block, nc - b * block), y, out, worker);
            }
        });
        if (source != null) {
            source.addTo(t, out);
        }
    }

    /** Adds a source s(t), cell averages in the state's order, to the right-hand side (a manufactured solution's). */
    public void force(Forcing forcing) {
        this.source = new SourceTerm(forcing, size(), null);
    }

    /** rho = sum_k f_k at every cell. */
    public void density(double[] y, double[] out) {
        for (int c = 0; c < nc; c++) {
            double sum = 0;
            for (int k = c * nvel, end = k + nvel; k < end; k++) {
                sum += y[k];
            }
            out[c] = sum;
        }
    }

    /** out_k = -div(v_k f_k), overwriting out's entries of velocity k. */
    private void transport(int k, double[] y, double[] out, double[] flux) {
        for (int c = 0; c < nc; c++) {
            out[c * nvel + k] = 0.0;
        }
        double h = cells.h();
        for (int a = 0; a < cells.dimension(); a++) {
            double speed = velocities[k][a];
            if (speed == 0) {
                continue;
            }
            // flux[c] is the flux through the + face of cell c along dimension a.
            for (int c = 0; c < nc; c++) {
                int upwind = speed > 0 ? c : cells.shifted(c, a, 1);
                int behind = cells.shifted(upwind, a, speed > 0 ? -1 : 1);
                int ahead = cells.shifted(upwind, a, speed > 0 ? 1 : -1);
                double f = y[upwind * nvel + k];
                double back = f - y[behind * nvel + k];
                double forward = y[ahead * nvel + k] - f;
                double slope = back * forward > 0 ? 2 * back * forward / (back + forward) : 0.0;
                flux[c] = speed * (f + 0.5 * slope);
            }
            for (int c = 0; c < nc; c++) {
                out[c * nvel + k] -= (flux[c] - flux[cells.shifted(c, a, -1)]) / h;
            }
        }
    }

    /**
     * out_k(i) += -f_k(i) + rho_i |cell| sum_j W_ij f_k(j) for the rows i = first .. first + rows - 1:
     * their rank weights scattered into W^T in cell order, then one dense product for all velocities.
     */
    private void collide(int first, int rows, double[] y, double[] out, int worker) {
        int[] order = members[worker];
        double[] w = rankWeights[worker];
        double[][] columns = weightColumns[worker];
        double[][] gain = gains[worker];
        for (int b = 0; b < rows; b++) {
            rankWeights(first + b, order, w);
            for (int r = 0; r < nc; r++) {
                columns[order[r]][b] = w[r];
            }
        }
        GainProduct.multiply(columns, rows, y, nvel, gain);
        for (int b = 0; b < rows; b++) {
            int i = first + b;
            double scale = rho[i] * volume;
            int base = i * nvel;
            for (int k = 0; k < nvel; k++) {
                out[base + k] += scale * gain[k][b] - y[base + k];
            }
        }
    }

    /** The cells in rank order from cell i and their weights W_ij (from the current rho). */
    private void rankWeights(int i, int[] order, double[] w) {
        shells.members(i, order);
        double below = 0;
        double cumulativeBelow = 0;
        for (int s = 0; s < shells.shellCount(); s++) {
            int first = shells.shellStart(s);
            int last = shells.shellStart(s + 1);
            double mass = 0;
            for (int r = first; r < last; r++) {
                mass += rho[order[r]] * volume;
            }
            double above = below + mass;
            double cumulativeAbove = weight.cumulative(above);
            // An empty shell holds no f either: any finite weight serves.
            double mean = mass > 0 ? (cumulativeAbove - cumulativeBelow) / mass : weight.value(below);
            for (int r = first; r < last; r++) {
                w[r] = mean;
            }
            below = above;
            cumulativeBelow = cumulativeAbove;
        }
    }

    /** The discrete balance sum_j rho_j |cell| W_ij at cell i of state y: 1 up to round-off. */
    public double balance(double[] y, int i) {
        density(y, rho);
        int[] order = new int[nc];
        double[] w = new double[nc];
        rankWeights(i, order, w);
        double sum = 0;
        for (int r = 0; r < nc; r++) {
            sum += rho[order[r]] * volume * w[r];
        }
        return sum;
    }

    @Override
    public String locate(double[] y) {
        double[] x = new double[cells.dimension()];
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                cells.center(i / nvel, x);
                return "x = " + java.util.Arrays.toString(x) + ", velocity " + java.util.Arrays.toString(velocities[i % nvel]);
            }
        }
        return "no cell";
    }

}
