package meanfield.solvers.nif;

import java.util.Arrays;

import meanfield.solvers.parallel.ColumnPool;

/**
 * Stationary states of the NIF limit on a discretization seen by labels ({@link StationaryColumns}:
 * the spectral elements or the finite volumes), by Newton's method on the
 * synaptic inputs. For a fixed input J_l each label's stationary equation K_l(J_l) f = 0 with
 * sum W f = 1 is linear (one dense solve); it gives r_l(J_l) and, by differentiating that solve,
 * r_l'(J_l). The self-consistency J = C r(J) is then nl equations in nl unknowns with the exact
 * Jacobian I - C diag(r'): the same fixed points as Newton on (f, J) together, at the cost of one
 * factorization per label and iteration, and unstable states are found as readily as stable ones.
 */
public final class NifStationary {
    /** A converged stationary state; density label-major at every node (the threshold's 0 included). */
    public record State(double[] input, double[] rates, double[] inputSlopes, double[] density, double residual,
            int iterations, double minDensity) {
        /** The mean rate over labels (midpoint rule on the label cells). */
        public double meanRate() {
            return Arrays.stream(rates).average().orElse(Double.NaN);
        }
    }

    /** Newton did not reach the tolerance: the last iterate and its residual. */
    public static final class NotConverged extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient State last;

        NotConverged(String message, State last) {
            super(message);
            this.last = last;
        }

        public State last() {
            return last;
        }
    }

    private final StationaryColumns system;
    private final ColumnPool pool;
    private final int nl;
    private final int m;
    private final double[] weights;
    private final double[] coupling;
    private final double[] density;
    private final double[] rates;
    private final double[] slopes;
    private final double[] inputSlopes;
    private final double[][] matrix;
    private final double[][] derivative;
    private final double[][] functional;
    private final double[][] work;
    private final int[][] pivots;

    public NifStationary(StationaryColumns system, ColumnPool pool) {
        this.system = system;
        this.pool = pool;
        this.nl = system.labelGrid().cells();
        this.m = system.columnSize();
        this.weights = system.weights();
        this.coupling = system.coupling();
        this.density = new double[nl * m];
        this.rates = new double[nl];
        this.slopes = new double[nl];
        this.inputSlopes = new double[nl];
        int workers = pool.workers();
        this.matrix = new double[workers][m * m];
        this.derivative = new double[workers][m * m];
        this.functional = new double[workers][m];
        this.work = new double[workers][m];
        this.pivots = new int[workers][m];
    }

    public StationaryColumns system() {
        return system;
    }

    /**
     * Label l at input j: its stationary density (into {@link #density}), rate r and dr/dJ, and
     * Q = dg/dJ . f (the outflux per unit input at fixed f).
     */
    private void label(int l, double j, int worker) {
        double[] a = matrix[worker];
        double[] b = derivative[worker];
        double[] g = functional[worker];
        double[] x = work[worker];
        int[] piv = pivots[worker];
        system.assemble(l, 0.0, j, a);
        // The columns of K sum to zero, so any row is implied by the others: row 0 becomes the normalization.
        for (int k = 0; k < m; k++) {
            a[k] = weights[k];
        }
        if (!DenseLu.factor(a, m, piv)) {
            throw new IllegalStateException("the stationary equation of label xi = " + system.labelGrid().center(l)
                    + " is singular at J = " + j);
        }
        int base = l * m;
        Arrays.fill(density, base, base + m, 0.0);
        density[base] = 1;
        DenseLu.solve(a, m, piv, density, base);
        // df/dJ = -A^{-1} B f with row 0 of B dropped (the normalization does not depend on J).
        system.assembleInputDerivative(l, j, b);
        x[0] = 0;
        for (int i = 1; i < m; i++) {
            double sum = 0;
            for (int k = 0; k < m; k++) {
                sum += b[i * m + k] * density[base + k];
            }
            x[i] = -sum;
        }
        DenseLu.solve(a, m, piv, x, 0);
        system.rateFunctional(l, 0.0, j, g);
        double r = 0;
        double slope = 0;
        for (int k = 0; k < m; k++) {
            r += g[k] * density[base + k];
            slope += g[k] * x[k];
        }
        system.rateFunctionalInputDerivative(l, j, g);
        double q = 0;
        for (int k = 0; k < m; k++) {
            q += g[k] * density[base + k];
        }
        rates[l] = r;
        slopes[l] = slope + q;
        inputSlopes[l] = q;
    }

    /** r(J), r'(J) for every label; G = J - C r into residual. */
    void evaluate(double[] input, double[] residual) {
        pool.forEachChunk(nl, (worker, from, to) -> {
            for (int l = from; l < to; l++) {
                label(l, input[l], worker);
            }
        });
        for (int k = 0; k < nl; k++) {
            double sum = 0;
            for (int l = 0; l < nl; l++) {
                sum += coupling[k * nl + l] * rates[l];
            }
            residual[k] = input[k] - sum;
        }
    }

    /** dG/dJ = I - C diag(r'), row-major, after {@link #evaluate}. */
    void jacobian(double[] out) {
        for (int k = 0; k < nl; k++) {
            for (int l = 0; l < nl; l++) {
                out[k * nl + l] = (k == l ? 1 : 0) - coupling[k * nl + l] * slopes[l];
            }
        }
    }

    /** The state at the inputs of the last {@link #evaluate}. */
    State state(double[] input, double residual, int iterations) {
        int n = system.pointsPerLabel();
        double[] full = new double[nl * n];
        double min = Double.POSITIVE_INFINITY;
        for (int l = 0; l < nl; l++) {
            System.arraycopy(density, l * m, full, l * n, m);
        }
        for (double f : density) {
            min = Math.min(min, f);
        }
        return new State(input.clone(), rates.clone(), inputSlopes.clone(), full, residual, iterations, min);
    }

    /** max |G| over labels. */
    static double maxNorm(double[] g) {
        double max = 0;
        for (double x : g) {
            max = Math.max(max, Math.abs(x));
        }
        return Double.isFinite(max) ? max : Double.NaN;
    }

    /**
     * Newton from the inputs {@code guess} (zeros if null) until max |J - C r(J)| <= tolerance
     * (1 + max |J|).
     */
    public State solve(double[] guess, double tolerance, int maxIterations) {
        double[] input = guess == null ? new double[nl] : guess.clone();
        double[] residual = new double[nl];
        double[] jac = new double[nl * nl];
        int[] piv = new int[nl];
        double norm = Double.NaN;
        for (int it = 0; it <= maxIterations; it++) {
            evaluate(input, residual);
            norm = maxNorm(residual);
            if (norm <= tolerance * (1 + maxNorm(input))) {
                return state(input, norm, it);
            }
            if (it == maxIterations || Double.isNaN(norm)) {
                break;
            }
            jacobian(jac);
            if (!DenseLu.factor(jac, nl, piv)) {
                break;
            }
            for (int k = 0; k < nl; k++) {
                residual[k] = -residual[k];
            }
            DenseLu.solve(jac, nl, piv, residual, 0);
            for (int k = 0; k < nl; k++) {
                input[k] += residual[k];
            }
        }
        throw new NotConverged("Newton's method did not converge in " + maxIterations + " iterations: residual max |J - C r|"
                + " = " + norm, state(input, norm, maxIterations));
    }
}
