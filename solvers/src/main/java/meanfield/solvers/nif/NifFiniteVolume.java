package meanfield.solvers.nif;

import java.util.ArrayList;
import java.util.List;

import meanfield.grids.CellAverages;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.InvalidModelException.Part;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.diagnostics.BoundaryMass;
import meanfield.solvers.diagnostics.Limit;
import meanfield.solvers.diagnostics.MassError;
import meanfield.solvers.diagnostics.Minimum;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;
import meanfield.solvers.run.Forcing;
import meanfield.solvers.run.RunObserver;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.ProductionDestructionSystem;

/**
 * The NIF limit on a uniform v grid for each cell of a label grid, as a production–destruction
 * system y' = A(t, y) y (state: label-major cell averages, y[label * nv + k]).
 * <ul>
 * <li>Drift and diffusion: Scharfetter–Gummel fluxes F = (sigma/h)[B(-P) f_k - B(P) f_{k+1}],
 * P = (mu + J) h / sigma, B(x) = x / (e^x - 1): positive, exact for constant drift, second order
 * (first-order upwind when sigma = 0). Zero flux through both ends of the domain.</li>
 * <li>Spiking: loss nu(v_k) f_k; a hard threshold v_F is the right end with f(v_F) = 0, whose
 * outflux sigma f'(v_F) ~ 2 sigma f_last / h is a loss of the last cell.</li>
 * <li>Reset: the total loss r = h sum loss_k f_k re-enters at v_R ({@link ResetSplit}), a rank-one
 * coupling, so every column of A sums to zero and each label keeps its mass.</li>
 * <li>Synapses: J_k = sum_l C_kl r_l ({@link LabelCoupling#finiteVolume}): (1/M) w_kl with the kernel averaged
 * over label cells, or a measure's weights times r interpolated linearly at its targets.</li>
 * </ul>
 * Per label the implicit systems are tridiagonal plus rank one and are solved exactly by the
 * Thomas algorithm and Sherman–Morrison, which keeps the solution non-negative in floating point.
 */
public final class NifFiniteVolume implements ProductionDestructionSystem, SemiDiscretization, StationaryColumns {
    /** A firing rate above this is taken as a blow-up of the network. */
    public static final double RATE_LIMIT = 1e8;

    private static final int QUADRATURE_POINTS = 3;

    private final NifModel model;
    private final UniformGrid v;
    private final UniformGrid labels;
    private final int nv;
    private final int nl;
    private final double h;
    private final double sigma;
    private final double[] muFace;
    private final double[] loss;
    private final double[] resetProfile;
    private final double[] coupling;
    private final ColumnPool pool;

    private final double[][] toRight = new double[2][];
    private final double[][] toLeft = new double[2][];
    private final double[][] firingRate = new double[2][];
    private final double[][] synapticInput = new double[2][];

    /** A manufactured solution's source s(t), at the times of the two frozen slots. */
    private Forcing forcing;
    private final double[][] source = new double[2][];

    private final ResultLayout layout;
    private final double[][] pivots;
    private final double[][] solution;
    private final double[][] resetResponse;

    public NifFiniteVolume(NifModel model, UniformGrid v, UniformGrid labels, ColumnPool pool) {
        if (model.threshold().isPresent() && Math.abs(model.threshold().getAsDouble() - v.max()) > 1e-12 * v.h()) {
            throw new InvalidModelException(Part.GRID, "with a hard threshold the v domain must end at it: max "
                    + v.max() + " != threshold " + model.threshold().getAsDouble());
        }
        this.model = model;
        this.v = v;
        this.labels = labels;
        this.nv = v.cells();
        this.nl = labels.cells();
        this.h = v.h();
        this.sigma = model.sigma();
        this.pool = pool;
        ResetSplit reset = ResetSplit.of(v, model.reset());
        this.resetProfile = new double[nv];
        resetProfile[reset.lowCell()] += reset.lowWeight() / h;
        resetProfile[reset.highCell()] += reset.highWeight() / h;
        this.loss = new double[nv];
        for (int k = 0; k < nv; k++) {
            loss[k] = model.rate().value(v.center(k));
            if (!(loss[k] >= 0) || !Double.isFinite(loss[k])) {
                throw new InvalidModelException(Part.RATE, "the firing rate nu(" + v.center(k) + ") = " + loss[k]
                        + " is not a finite non-negative number");
            }
        }
        if (model.threshold().isPresent()) {
            loss[nv - 1] += 2 * sigma / (h * h);
        }
        this.coupling = LabelCoupling.finiteVolume(model.kernel(), labels);
        this.muFace = model.drift().dependsOnTime() ? null : new double[nl * (nv + 1)];
        if (muFace != null) {
            for (int l = 0; l < nl; l++) {
                for (int f = 0; f <= nv; f++) {
                    double mu = model.drift().value(0.0, v.face(f), labels.center(l));
                    if (!Double.isFinite(mu)) {
                        throw new InvalidModelException(Part.DRIFT, "the drift mu(v = " + v.face(f) + ", xi = "
                                + labels.center(l) + ") = " + mu + " is not finite");
                    }
                    muFace[l * (nv + 1) + f] = mu;
                }
            }
        }
        for (int s = 0; s < 2; s++) {
            toRight[s] = new double[nl * (nv + 1)];
            toLeft[s] = new double[nl * (nv + 1)];
            firingRate[s] = new double[nl];
            synapticInput[s] = new double[nl];
        }
        this.layout = new ResultLayout(
                List.of(Axis.time(), new Axis("xi", "1", "neuron label", labels.centers()),
                        new Axis("v", "1", "membrane potential (cell centres)", v.centers())),
                List.of(Variable.perOutput("rate", "1/time", "firing rate r(t, xi)", "xi"),
                        Variable.perOutput("density", "1", "density f(t, xi, v), cell averages", "xi", "v")));
        int workers = pool.workers();
        this.pivots = new double[workers][nv];
        this.solution = new double[workers][nv];
        this.resetResponse = new double[workers][nv];
    }

    @Override
    public int size() {
        return nl * nv;
    }

    /** Cell averages of f0 in v at each label centre, normalized to mass 1 per label. */
    public double[] initialState() {
        double[] y = new double[size()];
        for (int l = 0; l < nl; l++) {
            double xi = labels.center(l);
            double[] column = CellAverages.of(vv -> model.initial().value(vv, xi), v, QUADRATURE_POINTS);
            double mass = 0;
            for (int k = 0; k < nv; k++) {
                if (!(column[k] >= 0) || !Double.isFinite(column[k])) {
                    throw new InvalidModelException(Part.INITIAL, "the initial density is negative or not finite at v = "
                            + v.center(k) + ", xi = " + xi);
                }
                mass += h * column[k];
            }
            if (!(mass > 0)) {
                throw new InvalidModelException(Part.INITIAL, "the initial density is zero on the v domain for xi = " + xi);
            }
            for (int k = 0; k < nv; k++) {
                y[l * nv + k] = column[k] / mass;
            }
        }
        return y;
    }

    /** The share of the reset flux that enters cell k, per unit length (sums to 1 with weight h). */
    double resetProfile(int k) {
        return resetProfile[k];
    }

    /** r(xi_l) = h sum_k loss_k f_k: spikes by the rate nu plus the outflux through a threshold. */
    public void firingRates(double[] y, double[] rates) {
        for (int l = 0; l < nl; l++) {
            double sum = 0;
            int base = l * nv;
            for (int k = 0; k < nv; k++) {
                sum += loss[k] * y[base + k];
            }
            rates[l] = h * sum;
        }
    }

    /** J_k = sum_l C_kl r_l: label k receives from label l (row k of the coupling). */
    public void synapticInput(double[] rates, double[] input) {
        for (int k = 0; k < nl; k++) {
            double sum = 0;
            int row = k * nl;
            for (int l = 0; l < nl; l++) {
                sum += coupling[row + l] * rates[l];
            }
            input[k] = sum;
        }
    }

    /**
     * Adds a source s(t) to the right-hand side (a manufactured solution's), explicitly: the stages
     * take s at the times of their frozen operators with the same weights, which keeps MPRK22 second
     * order. A Patankar weighting of its negative part would keep positivity, but a sink that nearly
     * cancels the reset (the delta of a smooth manufactured f_e, of size r/h) is stiff, and Patankar
     * weights at a stiff sink reduce the order to one; the explicit source meets the implicit reset
     * instead, and only their difference, of the order of the error, acts.
     */
    public void force(Forcing forcing) {
        this.forcing = forcing;
        source[0] = new double[size()];
        source[1] = new double[size()];
    }

    @Override
    public void freeze(int slot, double t, double[] y) {
        double[] r = firingRate[slot];
        double[] input = synapticInput[slot];
        firingRates(y, r);
        synapticInput(r, input);
        if (forcing != null) {
            forcing.source(t, source[slot]);
        }
        double[] right = toRight[slot];
        double[] left = toLeft[slot];
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                double xi = labels.center(l);
                int fb = l * (nv + 1);
                for (int f = 1; f < nv; f++) {
                    double mu = muFace != null ? muFace[fb + f] : model.drift().value(t, v.face(f), xi);
                    double a = mu + input[l];
                    if (sigma > 0) {
                        double p = a * h / sigma;
                        double b = bernoulli(p);
                        right[fb + f] = sigma / (h * h) * (b + p);
                        left[fb + f] = sigma / (h * h) * b;
                    } else {
                        right[fb + f] = Math.max(a, 0) / h;
                        left[fb + f] = Math.max(-a, 0) / h;
                    }
                }
            }
        });
    }

    /**
     * B(x) = x / (e^x - 1), with B(-x) = B(x) + x. Near 0 its Taylor series (Bernoulli numbers,
     * truncation below 1e-15 for |x| < 1/2) avoids both the cancellation in e^x - 1 and
     * Math.expm1, which the JIT does not intrinsify; beyond, e^x - 1 loses nothing.
     */
    static double bernoulli(double x) {
        if (Math.abs(x) < 0.5) {
            double x2 = x * x;
            return 1 - 0.5 * x + x2 * (1.0 / 12 + x2 * (-1.0 / 720 + x2 * (1.0 / 30240 + x2 * (-1.0 / 1209600
                    + x2 * (1.0 / 47900160 + x2 * (-691.0 / 1307674368000.0))))));
        }
        return x / (Math.exp(x) - 1);
    }

    @Override
    public void solve(double dt, double w0, double[] scale0, double w1, double[] rhs, double[] out) {
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                solveLabel(l, dt, w0, scale0, w1, rhs, out, worker);
            }
        });
    }

    private void solveLabel(int l, double dt, double w0, double[] scale0, double w1, double[] rhs, double[] out,
            int worker) {
        double[] cp = pivots[worker];
        double[] x = solution[worker];
        double[] z = resetResponse[worker];
        double[] r0 = toRight[0];
        double[] l0 = toLeft[0];
        // Stage 1 has no second operator: reuse slot 0 with weight 0 instead of branching per cell.
        double[] r1 = w1 != 0 ? toRight[1] : r0;
        double[] l1 = w1 != 0 ? toLeft[1] : l0;
        boolean forced = forcing != null;
        double[] s0 = source[0];
        double[] s1 = w1 != 0 ? source[1] : s0;
        int base = l * nv;
        int fb = l * (nv + 1);
        double a0 = dt * w0;
        double a1 = dt * w1;
        // Forward sweep of the Thomas algorithm on T x = rhs and T z = s (the reset profile) at once.
        // Face f sits between cells f-1 and f; faces 0 and nv carry no flux (their rates are 0).
        double previousScale = 0;
        double c = scale0 == null ? 1.0 : scale0[base];
        double cpPrevious = 0;
        double xPrevious = 0;
        double zPrevious = 0;
        for (int k = 0; k < nv; k++) {
            double cNext = k + 1 < nv && scale0 != null ? scale0[base + k + 1] : 1.0;
            int f = fb + k;
            double diag = 1 + a0 * c * (r0[f + 1] + l0[f] + loss[k]) + a1 * (r1[f + 1] + l1[f] + loss[k]);
            double b = rhs[base + k];
            if (forced) {
                b += a0 * s0[base + k] + a1 * s1[base + k];
            }
            double lower = -(a0 * previousScale * r0[f] + a1 * r1[f]);
            double upper = -(a0 * cNext * l0[f + 1] + a1 * l1[f + 1]);
            double inverse = 1 / (diag - lower * cpPrevious);
            cpPrevious = upper * inverse;
            xPrevious = (b - lower * xPrevious) * inverse;
            zPrevious = (resetProfile[k] - lower * zPrevious) * inverse;
            cp[k] = cpPrevious;
            x[k] = xPrevious;
            z[k] = zPrevious;
            previousScale = c;
            c = cNext;
        }
        double gx = 0;
        double gz = 0;
        for (int k = nv - 1; k >= 0; k--) {
            if (k < nv - 1) {
                x[k] -= cp[k] * x[k + 1];
                z[k] -= cp[k] * z[k + 1];
            }
            double g = h * loss[k] * (w0 * (scale0 == null ? 1.0 : scale0[base + k]) + w1);
            gx += g * x[k];
            gz += g * z[k];
        }
        // Sherman–Morrison for (T - dt s g^T): both terms are non-negative, and 1 - dt g.z > 0.
        double amplitude = dt * gx / (1 - dt * gz);
        for (int k = 0; k < nv; k++) {
            out[base + k] = x[k] + amplitude * z[k];
        }
    }

    @Override
    public String defaultScheme() {
        return "mprk22";
    }

    @Override
    public ResultLayout layout() {
        return layout;
    }

    @Override
    public void fields(double t, double[] y, double[][] out) {
        firingRates(y, out[0]);
        System.arraycopy(y, 0, out[1], 0, y.length);
    }

    /**
     * Rates within {@link #RATE_LIMIT} and, with a hard threshold, within what the grid resolves;
     * mass per label; the minimum of f; the mass in the outermost cells.
     */
    @Override
    public List<RunObserver> diagnostics() {
        List<RunObserver> list = new ArrayList<>();
        list.add(new Limit(layout, "rate", "firing rate r", RATE_LIMIT, "(beyond " + RATE_LIMIT + ")"));
        if (model.threshold().isPresent()) {
            // The grid resolves rates up to about 2 sigma / h^2 (all of a label's mass in the last cell).
            // Beyond a tenth of that the boundary layer is unresolved, which is how a blow-up of the network
            // (Caceres-Carrillo-Perthame) shows on a grid: r would plateau at a grid-dependent value.
            double resolvable = 0.2 * sigma / (h * h);
            list.add(new Limit(layout, "rate", "firing rate r", resolvable, "exceeds what the v grid resolves at the"
                    + " threshold (0.2 sigma / h^2 = " + resolvable + "): the network is blowing up, or the grid needs"
                    + " to be finer"));
        }
        list.add(new MassError(layout, "density", nl, h));
        list.add(new Minimum(layout, "density"));
        list.add(new BoundaryMass(layout, "density", nl, h, model.threshold().isEmpty()));
        return list;
    }

    @Override
    public UniformGrid labelGrid() {
        return labels;
    }

    @Override
    public int columnSize() {
        return nv;
    }

    @Override
    public int pointsPerLabel() {
        return nv;
    }

    @Override
    public double[] vPoints() {
        return v.centers();
    }

    @Override
    public double[] weights() {
        double[] w = new double[nv];
        java.util.Arrays.fill(w, h);
        return w;
    }

    @Override
    public double[] coupling() {
        return coupling;
    }

    /**
     * h times the operator of the implicit stages: Scharfetter–Gummel face rates at input j, the
     * spiking loss and the reset of the whole loss at v_R (a tridiagonal matrix plus rank one).
     */
    @Override
    public void assemble(int l, double t, double j, double[] out) {
        assemble(l, t, j, false, out);
    }

    /** d/dJ of {@link #assemble}: the derivative of the face rates through B'(P). */
    @Override
    public void assembleInputDerivative(int l, double j, double[] out) {
        assemble(l, 0.0, j, true, out);
    }

    private void assemble(int l, double t, double j, boolean derivative, double[] out) {
        java.util.Arrays.fill(out, 0, nv * nv, 0.0);
        double xi = labels.center(l);
        for (int f = 1; f < nv; f++) {
            double mu = muFace != null ? muFace[l * (nv + 1) + f] : model.drift().value(t, v.face(f), xi);
            double a = mu + j;
            double right;
            double left;
            if (sigma > 0) {
                double p = a * h / sigma;
                if (derivative) {
                    double slope = bernoulliDerivative(p);
                    right = (slope + 1) / h;
                    left = slope / h;
                } else {
                    double b = bernoulli(p);
                    right = sigma / (h * h) * (b + p);
                    left = sigma / (h * h) * b;
                }
            } else {
                right = derivative ? (a > 0 ? 1 / h : 0) : Math.max(a, 0) / h;
                left = derivative ? (a < 0 ? -1 / h : 0) : Math.max(-a, 0) / h;
            }
            // Face f between cells f-1 and f: f-1 sends right f_{f-1}, f sends left f_f.
            out[(f - 1) * nv + (f - 1)] -= h * right;
            out[f * nv + (f - 1)] += h * right;
            out[f * nv + f] -= h * left;
            out[(f - 1) * nv + f] += h * left;
        }
        if (!derivative) {
            for (int k = 0; k < nv; k++) {
                out[k * nv + k] -= h * loss[k];
                for (int r = 0; r < nv; r++) {
                    if (resetProfile[r] != 0) {
                        out[r * nv + k] += h * resetProfile[r] * h * loss[k];
                    }
                }
            }
        }
    }

    /** B'(x) for B(x) = x / (e^x - 1): its Taylor series near 0, else the closed form without overflow. */
    static double bernoulliDerivative(double x) {
        if (Math.abs(x) < 0.5) {
            double x2 = x * x;
            return -0.5 + x * (1.0 / 6 + x2 * (-1.0 / 180 + x2 * (1.0 / 5040 + x2 * (-1.0 / 151200
                    + x2 * (1.0 / 4790016 + x2 * (-691.0 / 108972864000.0))))));
        }
        if (x > 0) {
            double em = Math.exp(-x);
            double d = 1 - em;
            return (em - em * em - x * em) / (d * d);
        }
        double ex = Math.exp(x);
        double d = ex - 1;
        return (ex - 1 - x * ex) / (d * d);
    }

    @Override
    public void rateFunctional(int l, double t, double j, double[] out) {
        for (int k = 0; k < nv; k++) {
            out[k] = h * loss[k];
        }
    }

    /** The finite volumes' outflux 2 sigma f_last / h does not depend on J. */
    @Override
    public void rateFunctionalInputDerivative(int l, double j, double[] out) {
        java.util.Arrays.fill(out, 0, nv, 0.0);
    }

    /**
     * With a threshold: a rate beyond 0.2 sigma / h^2 (as in a run), or a boundary layer at v_F
     * thinner than a cell (cell Peclet number (mu + J) h / sigma above 1 there), which would let a
     * branch of stationary states run on to grid-made folds.
     */
    @Override
    public String unresolved(NifStationary.State state) {
        if (model.threshold().isEmpty()) {
            return null;
        }
        double resolvable = 0.2 * sigma / (h * h);
        for (int l = 0; l < nl; l++) {
            double r = state.rates()[l];
            if (r > resolvable) {
                return String.format(java.util.Locale.ROOT, "rate %.6g > 0.2 sigma / h^2 = %.6g", r, resolvable);
            }
            double peclet = (model.drift().value(0.0, v.max(), labels.center(l)) + state.input()[l]) * h / sigma;
            if (peclet > 1) {
                return String.format(java.util.Locale.ROOT, "cell Peclet number (mu + J) h / sigma = %.3g > 1 at the"
                        + " threshold", peclet);
            }
        }
        return null;
    }

    @Override
    public String locate(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                int l = i / nv;
                return "label xi = " + labels.center(l) + " (cell " + l + "), v = " + v.center(i % nv);
            }
        }
        return "no cell";
    }

    @Override
    public double errorNorm(double[] a, double[] b) {
        double max = 0;
        for (int l = 0; l < nl; l++) {
            double sum = 0;
            for (int k = l * nv, end = k + nv; k < end; k++) {
                sum += Math.abs(a[k] - b[k]);
            }
            max = Math.max(max, h * sum);
        }
        return max;
    }
}
