package meanfield.solvers.nif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import meanfield.grids.LobattoElements;
import meanfield.grids.UniformGrid;
import meanfield.solvers.diagnostics.BoundaryMass;
import meanfield.solvers.diagnostics.Limit;
import meanfield.solvers.diagnostics.MassError;
import meanfield.solvers.diagnostics.Minimum;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.InvalidModelException.Part;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;
import meanfield.solvers.run.RunObserver;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.ImexSystem;

/**
 * The NIF limit by Legendre spectral elements in v for each label of the label grid: nodal
 * values at the Gauss–Lobatto nodes of elements split at v_R (f continuous there by the shared
 * node), in the weak form
 * d/dt (W_i f_i) = sum_elements int phi_i' F dv - W_i nu_i f_i + [i = reset node] r,
 * F = (mu + J) f - sigma f', the integrals by the elements' own GLL rule (so the mass matrix is
 * the diagonal of weights W). Zero flux at the ends is the weak form's natural condition and the
 * delta at v_R enters as the reset node's source, so the jump of the flux by r there is natural
 * too. With a hard threshold the node at v_F carries f = 0 and leaves the state; its weak residual
 * is the consistent outflux (Green's identity), which converges spectrally and is what the reset
 * puts back, so every label keeps its mass to round-off:
 * r = sum_i W_i nu_i f_i + [threshold] sum_q w_q l_p'(x_q) F_q on the last element.
 * That outflux depends on J through the advective part of F, so J = C r is solved as the small
 * linear system (I - C diag(Q)) J = C P, r = P + J Q per label.
 * <p>
 * In time, an IMEX split ({@link ImexSystem}): the per-label linear operator at the synaptic input
 * and time of the step's start is implicit (a dense LU per label and step), the change of J and
 * of a time-dependent drift within the step explicit.
 */
public final class NifSpectral implements ImexSystem, SemiDiscretization, StationaryColumns {
    /** A density whose elements' two highest Legendre coefficients exceed this share of the largest is unresolved. */
    public static final double RESOLUTION = 1e-5;

    /** Interpolation points of a measure kernel's rate on the label centres (sixth order). */
    private static final int MEASURE_POINTS = 6;

    private final NifModel model;
    private final LobattoElements v;
    private final UniformGrid labels;
    private final int n;
    private final int m;
    private final int nl;
    private final int p;
    private final int elements;
    private final double sigma;
    private final boolean threshold;
    private final int resetNode;
    private final double[] weights;
    private final double[] nu;
    private final double[] refWeights;
    private final double[] refDerivative;
    /** Per element e, (p+1)^2: sigma (2 / h_e) sum_q w_q D_qi D_qj, the diffusion stiffness. */
    private final double[] diffusion;
    private final double[] muNode;
    private final double[] coupling;
    private final boolean coupled;
    private final ColumnPool pool;
    private final ResultLayout layout;

    private final double[] frozenInput;
    private double frozenTime;
    /** The step's operators and their factors: allocated at the first step (a stationary solve needs none). */
    private double[] frozen;
    private double[] factored;
    private int[] pivots;
    private double factoredFor = Double.NaN;

    private final double[] partialRate;
    private final double[] inputSlope;
    private final double[] input;
    private final double[] rates;
    private final double[] couplingSystem;
    private final int[] couplingPivots;
    private final double[][] extended;
    private final double[][] flux;

    public NifSpectral(NifModel model, LobattoElements v, UniformGrid labels, ColumnPool pool) {
        this(model, v, labels, couplingOf(model, labels), pool);
    }

    NifSpectral(NifModel model, LobattoElements v, UniformGrid labels, double[] coupling, ColumnPool pool) {
        this.model = model;
        this.v = v;
        this.labels = labels;
        this.pool = pool;
        this.threshold = model.threshold().isPresent();
        if (threshold && Math.abs(model.threshold().getAsDouble() - v.max()) > 1e-12 * (v.max() - v.min())) {
            throw new InvalidModelException(Part.GRID, "with a hard threshold the v domain must end at it: max "
                    + v.max() + " != threshold " + model.threshold().getAsDouble());
        }
        this.n = v.size();
        this.m = threshold ? n - 1 : n;
        this.nl = labels.cells();
        this.p = v.degree();
        this.elements = v.elements();
        this.sigma = model.sigma();
        this.resetNode = resetNode(v, model.reset());
        this.weights = Arrays.copyOf(v.weights(), m);
        this.nu = new double[n];
        for (int i = 0; i < n; i++) {
            nu[i] = threshold && i == n - 1 ? 0 : model.rate().value(v.node(i));
            if (!(nu[i] >= 0) || !Double.isFinite(nu[i])) {
                throw new InvalidModelException(Part.RATE, "the firing rate nu(" + v.node(i) + ") = " + nu[i]
                        + " is not a finite non-negative number");
            }
        }
        this.refWeights = v.referenceWeights();
        this.refDerivative = v.referenceDerivative();
        int q1 = p + 1;
        this.diffusion = new double[elements * q1 * q1];
        for (int e = 0; e < elements; e++) {
            double scale = sigma * 2 / v.length(e);
            for (int i = 0; i < q1; i++) {
                for (int j = 0; j < q1; j++) {
                    double s = 0;
                    for (int q = 0; q < q1; q++) {
                        s += refWeights[q] * refDerivative[q * q1 + i] * refDerivative[q * q1 + j];
                    }
                    diffusion[(e * q1 + i) * q1 + j] = scale * s;
                }
            }
        }
        this.muNode = model.drift().dependsOnTime() ? null : new double[nl * n];
        if (muNode != null) {
            for (int l = 0; l < nl; l++) {
                for (int i = 0; i < n; i++) {
                    double mu = model.drift().value(0.0, v.node(i), labels.center(l));
                    if (!Double.isFinite(mu)) {
                        throw new InvalidModelException(Part.DRIFT, "the drift mu(v = " + v.node(i) + ", xi = "
                                + labels.center(l) + ") = " + mu + " is not finite");
                    }
                    muNode[l * n + i] = mu;
                }
            }
        }
        this.coupling = coupling;
        boolean any = false;
        for (double c : coupling) {
            any |= c != 0;
        }
        this.coupled = any;
        this.frozenInput = new double[nl];
        this.partialRate = new double[nl];
        this.inputSlope = new double[nl];
        this.input = new double[nl];
        this.rates = new double[nl];
        this.couplingSystem = new double[nl * nl];
        this.couplingPivots = new int[nl];
        int workers = pool.workers();
        this.extended = new double[workers][n];
        this.flux = new double[workers][q1];
        this.layout = new ResultLayout(
                List.of(Axis.time(), new Axis("xi", "1", "neuron label", labels.centers()),
                        new Axis("v", "1", "membrane potential (Gauss-Lobatto nodes)", v.nodes())),
                List.of(Variable.perOutput("rate", "1/time", "firing rate r(t, xi)", "xi"),
                        Variable.perOutput("density", "1", "density f(t, xi, v) at the nodes", "xi", "v")));
    }

    /** J = C r with the label centres as quadrature nodes: the midpoint rule, spectral for periodic data. */
    private static double[] couplingOf(NifModel model, UniformGrid labels) {
        return LabelCoupling.pointwise(model.kernel(), labels, MEASURE_POINTS);
    }

    private static int resetNode(LobattoElements v, double reset) {
        for (int e = 0; e <= v.elements(); e++) {
            if (v.breakpoint(e) == reset) {
                return v.breakNode(e);
            }
        }
        throw new InvalidModelException(Part.GRID, "the spectral elements must have a breakpoint at v_R = " + reset);
    }

    public LobattoElements vGrid() {
        return v;
    }

    @Override
    public UniformGrid labelGrid() {
        return labels;
    }

    /** Unknowns per label: the nodes, less the threshold's. */
    @Override
    public int columnSize() {
        return m;
    }

    @Override
    public int pointsPerLabel() {
        return n;
    }

    @Override
    public double[] vPoints() {
        return v.nodes();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] coupling() {
        return coupling;
    }

    /** Where the two highest Legendre coefficients of an element exceed {@link #RESOLUTION} of its largest. */
    @Override
    public String unresolved(NifStationary.State state) {
        double tail = LegendreTail.of(this, state.density());
        return tail > RESOLUTION ? String.format(java.util.Locale.ROOT, "Legendre tail %.2g > %.0e", tail, RESOLUTION)
                : null;
    }

    @Override
    public int size() {
        return nl * m;
    }

    @Override
    public double[] initialState() {
        double[] y = new double[size()];
        for (int l = 0; l < nl; l++) {
            double xi = labels.center(l);
            double mass = 0;
            for (int i = 0; i < m; i++) {
                double f = model.initial().value(v.node(i), xi);
                if (!(f >= 0) || !Double.isFinite(f)) {
                    throw new InvalidModelException(Part.INITIAL, "the initial density is negative or not finite at v = "
                            + v.node(i) + ", xi = " + xi);
                }
                y[l * m + i] = f;
                mass += weights[i] * f;
            }
            if (!(mass > 0)) {
                throw new InvalidModelException(Part.INITIAL, "the initial density is zero on the v domain for xi = " + xi);
            }
            for (int i = 0; i < m; i++) {
                y[l * m + i] /= mass;
            }
        }
        return y;
    }

    private double mu(double t, int l, int i) {
        return muNode != null ? muNode[l * n + i] : model.drift().value(t, v.node(i), labels.center(l));
    }

    /**
     * The label's rate without the synaptic part, P = sum W nu f + outflux at J = 0, and the
     * outflux per unit J, Q = sum_q w_q l_p'(x_q) f_q (zero without a threshold).
     */
    private void partialRates(double t, double[] y, int l, int worker) {
        double sum = 0;
        int base = l * m;
        for (int i = 0; i < m; i++) {
            sum += weights[i] * nu[i] * y[base + i];
        }
        double slope = 0;
        if (threshold) {
            double[] f = extended[worker];
            int e = elements - 1;
            int g0 = e * p;
            int q1 = p + 1;
            double scale = 2 / v.length(e);
            for (int q = 0; q < q1; q++) {
                f[q] = g0 + q < m ? y[base + g0 + q] : 0;
            }
            for (int q = 0; q < q1; q++) {
                double derivative = 0;
                for (int j = 0; j < q1; j++) {
                    derivative += refDerivative[q * q1 + j] * f[j];
                }
                double c = refWeights[q] * refDerivative[q * q1 + p];
                sum += c * (mu(t, l, g0 + q) * f[q] - sigma * scale * derivative);
                slope += c * f[q];
            }
        }
        partialRate[l] = sum;
        inputSlope[l] = slope;
    }

    /** Fills input (J) and rates (r) for state y at time t. */
    private void synapticState(double t, double[] y) {
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                partialRates(t, y, l, worker);
            }
        });
        if (!coupled) {
            Arrays.fill(input, 0);
        } else if (!threshold) {
            multiply(coupling, partialRate, input);
        } else {
            // (I - C diag(Q)) J = C P.
            multiply(coupling, partialRate, input);
            for (int k = 0; k < nl; k++) {
                for (int l = 0; l < nl; l++) {
                    couplingSystem[k * nl + l] = (k == l ? 1 : 0) - coupling[k * nl + l] * inputSlope[l];
                }
            }
            if (!DenseLu.factor(couplingSystem, nl, couplingPivots)) {
                throw new IllegalStateException("the synaptic input has no solution: I - C diag(Q) is singular");
            }
            DenseLu.solve(couplingSystem, nl, couplingPivots, input, 0);
        }
        for (int l = 0; l < nl; l++) {
            rates[l] = partialRate[l] + input[l] * inputSlope[l];
        }
    }

    private void multiply(double[] matrix, double[] x, double[] out) {
        for (int k = 0; k < nl; k++) {
            double sum = 0;
            for (int l = 0; l < nl; l++) {
                sum += matrix[k * nl + l] * x[l];
            }
            out[k] = sum;
        }
    }

    /** The firing rates r(xi_l) of state y at time t. */
    private void firingRates(double t, double[] y, double[] out) {
        synapticState(t, y);
        System.arraycopy(rates, 0, out, 0, nl);
    }

    /** out (one label) = F for the label's f at time t and synaptic input j, matrix-free. */
    private void labelRhs(double t, double[] y, int l, double j, double rate, double[] out, int worker) {
        double[] f = extended[worker];
        double[] fx = flux[worker];
        int base = l * m;
        System.arraycopy(y, base, f, 0, m);
        if (threshold) {
            f[n - 1] = 0;
        }
        Arrays.fill(out, base, base + m, 0.0);
        int q1 = p + 1;
        for (int e = 0; e < elements; e++) {
            int g0 = e * p;
            double scale = sigma * 2 / v.length(e);
            for (int q = 0; q < q1; q++) {
                double derivative = 0;
                for (int k = 0; k < q1; k++) {
                    derivative += refDerivative[q * q1 + k] * f[g0 + k];
                }
                fx[q] = refWeights[q] * ((mu(t, l, g0 + q) + j) * f[g0 + q] - scale * derivative);
            }
            int last = Math.min(q1, m - g0);
            for (int i = 0; i < last; i++) {
                double sum = 0;
                for (int q = 0; q < q1; q++) {
                    sum += refDerivative[q * q1 + i] * fx[q];
                }
                out[base + g0 + i] += sum;
            }
        }
        for (int i = 0; i < m; i++) {
            out[base + i] -= weights[i] * nu[i] * f[i];
        }
        out[base + resetNode] += rate;
        for (int i = 0; i < m; i++) {
            out[base + i] /= weights[i];
        }
    }

    /** out = F(t, y), the whole right-hand side. */
    private void rhs(double t, double[] y, double[] out) {
        synapticState(t, y);
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                labelRhs(t, y, l, input[l], rates[l], out, worker);
            }
        });
    }

    /**
     * The weak-form operator of label l at time t and synaptic input j, m x m row-major, acting on
     * the label's unknowns (not divided by the weights): drift, diffusion, spiking loss and the
     * reset of the whole rate (outflux included) at the reset node. Mass conservation is
     * sum_i K_ij = 0 for every j.
     */
    @Override
    public void assemble(int l, double t, double j, double[] out) {
        assemble(l, t, j, false, out, 0);
    }

    /** dK/dJ of {@link #assemble}: the transport by a unit input, and its share of the outflux reset (K is affine in J). */
    @Override
    public void assembleInputDerivative(int l, double j, double[] out) {
        assemble(l, 0.0, 1.0, true, out, 0);
    }

    private void assemble(int l, double t, double j, boolean inputOnly, double[] out, int offset) {
        Arrays.fill(out, offset, offset + m * m, 0.0);
        int q1 = p + 1;
        for (int e = 0; e < elements; e++) {
            int g0 = e * p;
            for (int i = 0; i < q1; i++) {
                int gi = g0 + i;
                boolean dirichletRow = gi >= m;
                for (int k = 0; k < q1; k++) {
                    int gk = g0 + k;
                    if (gk >= m) {
                        continue;
                    }
                    double a = inputOnly ? j : mu(t, l, gk) + j;
                    double value = refWeights[k] * refDerivative[k * q1 + i] * a
                            - (inputOnly ? 0 : diffusion[(e * q1 + i) * q1 + k]);
                    // The threshold node's row is the outflux: it is put back at the reset node.
                    out[offset + (dirichletRow ? resetNode : gi) * m + gk] += value;
                }
            }
        }
        if (!inputOnly) {
            for (int i = 0; i < m; i++) {
                out[offset + i * m + i] -= weights[i] * nu[i];
                out[offset + resetNode * m + i] += weights[i] * nu[i];
            }
        }
    }

    /**
     * r = g . f for label l at time t and input j: g_i = W_i nu_i, plus with a threshold the
     * outflux row (the weak residual of the threshold node), which depends on j.
     */
    @Override
    public void rateFunctional(int l, double t, double j, double[] out) {
        rateFunctional(l, t, j, false, out);
    }

    /** dg/dJ of {@link #rateFunctional}: the outflux carried by a unit input (zero without a threshold). */
    @Override
    public void rateFunctionalInputDerivative(int l, double j, double[] out) {
        rateFunctional(l, 0.0, 1.0, true, out);
    }

    private void rateFunctional(int l, double t, double j, boolean inputOnly, double[] out) {
        for (int i = 0; i < m; i++) {
            out[i] = inputOnly ? 0 : weights[i] * nu[i];
        }
        if (threshold) {
            int q1 = p + 1;
            int e = elements - 1;
            int g0 = e * p;
            for (int k = 0; k < q1 && g0 + k < m; k++) {
                double a = inputOnly ? j : mu(t, l, g0 + k) + j;
                out[g0 + k] += refWeights[k] * refDerivative[k * q1 + p] * a
                        - (inputOnly ? 0 : diffusion[(e * q1 + p) * q1 + k]);
            }
        }
    }

    @Override
    public void linearize(double t, double[] y) {
        if (frozen == null) {
            frozen = new double[nl * m * m];
            factored = new double[nl * m * m];
            pivots = new int[nl * m];
        }
        synapticState(t, y);
        System.arraycopy(input, 0, frozenInput, 0, nl);
        frozenTime = t;
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                assemble(l, t, frozenInput[l], false, frozen, l * m * m);
            }
        });
        factoredFor = Double.NaN;
    }

    @Override
    public void implicitPart(double[] y, double[] out) {
        applyFrozen(y, out, 0.0);
    }

    @Override
    public void explicitPart(double t, double[] y, double[] out) {
        rhs(t, y, out);
        applyFrozen(y, out, 1.0);
    }

    /** out = keep * out - W^{-1} K_frozen y with keep 1 (the explicit remainder), or out = W^{-1} K y (keep 0). */
    private void applyFrozen(double[] y, double[] out, double keep) {
        double sign = keep == 0 ? 1 : -1;
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                int base = l * m;
                int block = l * m * m;
                for (int i = 0; i < m; i++) {
                    double sum = 0;
                    int row = block + i * m;
                    for (int k = 0; k < m; k++) {
                        sum += frozen[row + k] * y[base + k];
                    }
                    // Not keep * out: 0 * NaN would carry a failed stage's NaN into a fresh slope.
                    out[base + i] = (keep == 0 ? 0 : out[base + i]) + sign * sum / weights[i];
                }
            }
        });
    }

    @Override
    public void solveImplicit(double factor, double[] rhs, double[] out) {
        if (factor != factoredFor) {
            pool.forEachChunk(nl, (worker, from, to) -> {
                for (int l = from; l < to; l++) {
                    int block = l * m * m;
                    for (int i = 0; i < m * m; i++) {
                        factored[block + i] = -factor * frozen[block + i];
                    }
                    for (int i = 0; i < m; i++) {
                        factored[block + i * m + i] += weights[i];
                    }
                    if (!DenseLu.factor(factored, block, m, pivots, l * m)) {
                        throw new IllegalStateException("singular implicit system for label xi = " + labels.center(l));
                    }
                }
            });
            factoredFor = factor;
        }
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                int base = l * m;
                for (int i = 0; i < m; i++) {
                    out[base + i] = weights[i] * rhs[base + i];
                }
                DenseLu.solve(factored, l * m * m, m, pivots, l * m, out, base);
            }
        });
    }

    @Override
    public double errorNorm(double[] a, double[] b) {
        double max = 0;
        for (int l = 0; l < nl; l++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += weights[i] * Math.abs(a[l * m + i] - b[l * m + i]);
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    @Override
    public String defaultScheme() {
        return "ark4-imex";
    }

    @Override
    public ResultLayout layout() {
        return layout;
    }

    @Override
    public void fields(double t, double[] y, double[][] out) {
        firingRates(t, y, out[0]);
        double[] density = out[1];
        for (int l = 0; l < nl; l++) {
            System.arraycopy(y, l * m, density, l * n, m);
            if (threshold) {
                density[l * n + n - 1] = 0;
            }
        }
    }

    @Override
    public List<RunObserver> diagnostics() {
        List<RunObserver> list = new ArrayList<>();
        list.add(new Limit(layout, "rate", "firing rate r", NifFiniteVolume.RATE_LIMIT, "(beyond "
                + NifFiniteVolume.RATE_LIMIT + ")"));
        double[] all = v.weights();
        list.add(new MassError(layout, "density", nl, all));
        list.add(new Minimum(layout, "density"));
        // The mass between each end node and its neighbour: as the finite volumes' outermost cells.
        double[] ends = new double[n];
        ends[0] = v.node(1) - v.node(0);
        ends[n - 1] = v.node(n - 1) - v.node(n - 2);
        list.add(new BoundaryMass(layout, "density", nl, ends, !threshold));
        return list;
    }

    @Override
    public String locate(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                return "label xi = " + labels.center(i / m) + " (cell " + i / m + "), v = " + v.node(i % m);
            }
        }
        return "no cell";
    }
}
