package meanfield.solvers.nif;

import java.util.Locale;
import java.util.Optional;

import org.hipparchus.special.Erf;

import meanfield.grids.GaussLegendre;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.run.ExactSolution;

/**
 * The exact NIF solution of MODEL.md 1.3 for a constant rate nu = lambda, a drift mu = -a v + I(xi)
 * (a &gt; 0 per label, no t) and Gaussian initial data, on the whole line. The rate is lambda for all t,
 * so J(xi) = lambda int w(xi, zeta) d zeta (lambda sum_k a_k(xi) for a measure) is constant and V is an
 * Ornstein–Uhlenbeck process between resets at rate lambda independent of V: a label's density is the
 * mixture over the time since the last reset,
 * <pre>
 *   f(t) = e^{-lambda t} N(c + (m0 - c) e^{-a t}, s0^2 e^{-2 a t} + (sigma/a)(1 - e^{-2 a t}))
 *        + int_0^t lambda e^{-lambda s} N(c + (v_R - c) e^{-a s}, (sigma/a)(1 - e^{-2 a s})) ds,   c = (I + J)/a.
 * </pre>
 * Cell averages of each Gaussian are exact (erf); the s integral is Gauss–Legendre in u = sqrt(s),
 * in which the integrand is smooth even where the reset Gaussian is narrow. Compared at the label
 * centres with J at the centre, so on a kernel whose row integral varies with xi the label grid's
 * averaging shows too. The finite domain's zero-flux ends are not part of it: they differ from the
 * whole line by the mass beyond the domain, which the caller keeps negligible.
 */
public final class NifConstantRateSolution implements ExactSolution {
    private static final int PANELS = 64;
    private static final int POINTS = 10;
    private static final double[] SAMPLE_T = {0.0, 0.37, 1.9};

    private final UniformGrid v;
    private final UniformGrid labels;
    private final double lambda;
    private final double sigma;
    private final double reset;
    private final double[] decay;
    private final double[] centre;
    private final double[] initialMean;
    private final double[] initialVariance;

    private NifConstantRateSolution(NifModel model, UniformGrid v, UniformGrid labels, double lambda, double[] decay,
            double[] input, double[] initialMean, double[] initialVariance) {
        this.v = v;
        this.labels = labels;
        this.lambda = lambda;
        this.sigma = model.sigma();
        this.reset = model.reset();
        this.decay = decay;
        this.initialMean = initialMean;
        this.initialVariance = initialVariance;
        int nl = labels.cells();
        this.centre = new double[nl];
        for (int l = 0; l < nl; l++) {
            double rowIntegral = rowIntegral(model.kernel(), labels, l);
            centre[l] = (input[l] + lambda * rowIntegral) / decay[l];
        }
    }

    /**
     * The exact solution of this model on these grids, or why there is none: the model must have a
     * constant rate, a drift -a v + I(xi) with a &gt; 0 and no t, sigma &gt; 0, no threshold, and a
     * Gaussian f0 in v at every label centre (all checked numerically at sample points).
     */
    public static Result of(NifModel model, UniformGrid v, UniformGrid labels) {
        if (model.threshold().isPresent()) {
            return Result.none("a hard threshold");
        }
        if (!(model.sigma() > 0)) {
            return Result.none("sigma = 0");
        }
        double lambda = model.rate().value(v.min());
        for (int i = 0; i <= 40; i++) {
            double x = v.min() + i * (v.max() - v.min()) / 40;
            if (model.rate().value(x) != lambda) {
                return Result.none("a firing rate that is not constant (nu(" + v.min() + ") = " + lambda + ", nu(" + x
                        + ") = " + model.rate().value(x) + ")");
            }
        }
        int nl = labels.cells();
        double[] decay = new double[nl];
        double[] input = new double[nl];
        double[] mean = new double[nl];
        double[] variance = new double[nl];
        for (int l = 0; l < nl; l++) {
            double xi = labels.center(l);
            input[l] = model.drift().value(0, 0, xi);
            decay[l] = input[l] - model.drift().value(0, 1, xi);
            if (!(decay[l] > 0)) {
                return Result.none("a drift -a v + I with a = " + decay[l] + " <= 0 at xi = " + xi);
            }
            for (double t : SAMPLE_T) {
                for (int i = 0; i <= 8; i++) {
                    double x = v.min() + i * (v.max() - v.min()) / 8;
                    double expected = -decay[l] * x + input[l];
                    double mu = model.drift().value(t, x, xi);
                    if (Math.abs(mu - expected) > 1e-12 * (1 + Math.abs(expected))) {
                        return Result.none("a drift that is not -a v + I(xi) without t (mu(" + t + ", " + x + ", " + xi
                                + ") = " + mu + ")");
                    }
                }
            }
            Optional<String> gaussian = gaussianMoments(model, v, xi, l, mean, variance);
            if (gaussian.isPresent()) {
                return Result.none(gaussian.get());
            }
        }
        return new Result(Optional.of(new NifConstantRateSolution(model, v, labels, lambda, decay, input, mean, variance)),
                null);
    }

    /** The exact solution, or the reason this model has none. */
    public record Result(Optional<NifConstantRateSolution> solution, String missing) {
        static Result none(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    /** Mean and variance of f0 at xi by quadrature, and whether f0 is that Gaussian (to 1e-8 of its peak). */
    private static Optional<String> gaussianMoments(NifModel model, UniformGrid v, double xi, int l, double[] mean,
            double[] variance) {
        double mass = 0;
        double first = 0;
        double second = 0;
        double h = (v.max() - v.min()) / 400;
        for (int p = 0; p < 400; p++) {
            GaussLegendre rule = GaussLegendre.on(8, v.min() + p * h, v.min() + (p + 1) * h);
            for (int q = 0; q < rule.size(); q++) {
                double x = rule.node(q);
                double f = rule.weight(q) * model.initial().value(x, xi);
                mass += f;
                first += f * x;
                second += f * x * x;
            }
        }
        if (!(mass > 0)) {
            return Optional.of("an initial density with no mass at xi = " + xi);
        }
        mean[l] = first / mass;
        variance[l] = second / mass - mean[l] * mean[l];
        double sd = Math.sqrt(variance[l]);
        double peak = 1 / (sd * Math.sqrt(2 * Math.PI));
        for (int i = 0; i <= 60; i++) {
            double x = v.min() + i * (v.max() - v.min()) / 60;
            double z = (x - mean[l]) / sd;
            double gaussian = peak * Math.exp(-0.5 * z * z);
            if (Math.abs(model.initial().value(x, xi) / mass - gaussian) > 1e-8 * peak) {
                return Optional.of("an initial density that is not Gaussian in v at xi = " + xi + " (at v = " + x + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * int_0^1 w(xi_l, zeta) d zeta at the label centre (a cell-averaged kernel: its row mean; a measure:
     * the total weight sum_k a_k(xi_l), which is exact whatever the maps since r is the same everywhere).
     */
    private static double rowIntegral(SynapticKernel kernel, UniformGrid labels, int l) {
        if (kernel instanceof SynapticKernel.Measure measure) {
            double sum = 0;
            for (int k = 0; k < measure.size(); k++) {
                sum += measure.weight(k, labels.center(l));
            }
            return sum;
        }
        if (kernel instanceof SynapticKernel.CellAveraged averaged) {
            double sum = 0;
            for (int m = 0; m < averaged.cells(); m++) {
                sum += averaged.value(l, m);
            }
            return sum / averaged.cells();
        }
        SynapticKernel.Function function = (SynapticKernel.Function) kernel;
        double xi = labels.center(l);
        double sum = 0;
        for (int p = 0; p < PANELS; p++) {
            GaussLegendre rule = GaussLegendre.on(POINTS, (double) p / PANELS, (p + 1.0) / PANELS);
            for (int q = 0; q < rule.size(); q++) {
                sum += rule.weight(q) * function.w().applyAsDouble(xi, rule.node(q));
            }
        }
        return sum;
    }

    /** Adds weight x the cell averages of N(mean, variance) on the v grid to column. */
    private void addGaussian(double weight, double mean, double variance, double[] column) {
        double scale = 1 / Math.sqrt(2 * variance);
        double h = v.h();
        double previous = (v.face(0) - mean) * scale;
        for (int k = 0; k < v.cells(); k++) {
            double next = (v.face(k + 1) - mean) * scale;
            column[k] += weight * 0.5 * Erf.erf(previous, next) / h;
            previous = next;
        }
    }

    /** rate: lambda at every label; density: the exact cell averages at every label centre. */
    @Override
    public void exactFields(double t, double[][] out) {
        java.util.Arrays.fill(out[0], lambda);
        int nv = v.cells();
        double[] column = new double[nv];
        for (int l = 0; l < labels.cells(); l++) {
            java.util.Arrays.fill(column, 0.0);
            double a = decay[l];
            double c = centre[l];
            double stationaryVariance = sigma / a;
            double e = Math.exp(-a * t);
            addGaussian(Math.exp(-lambda * t), c + (initialMean[l] - c) * e,
                    initialVariance[l] * e * e + stationaryVariance * (1 - e * e), column);
            if (t > 0) {
                double root = Math.sqrt(t);
                for (int p = 0; p < PANELS; p++) {
                    GaussLegendre rule = GaussLegendre.on(POINTS, root * p / PANELS, root * (p + 1) / PANELS);
                    for (int q = 0; q < rule.size(); q++) {
                        double u = rule.node(q);
                        double s = u * u;
                        double es = Math.exp(-a * s);
                        addGaussian(rule.weight(q) * 2 * u * lambda * Math.exp(-lambda * s), c + (reset - c) * es,
                                stationaryVariance * (1 - es * es), column);
                    }
                }
            }
            System.arraycopy(column, 0, out[1], l * nv, nv);
        }
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "the exact solution of MODEL.md 1.3 (constant rate %.6g, drift -a v + I(xi),"
                + " Gaussian f0): Ornstein-Uhlenbeck mixture over the time since the last reset, on the whole line",
                lambda);
    }
}
