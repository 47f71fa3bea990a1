package meanfield.solvers.model;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import meanfield.grids.GaussLegendre;

/**
 * The rank weight K(m), m in [0, 1], of the topological model (MODEL.md 2.1), normalized to
 * int_0^1 K = 1 (the raw integral is kept for reporting). It knows where K is not smooth, so
 * that quadratures can split there, and it integrates K exactly over mass intervals
 * through its antiderivative, which is what a cell of exact discrete ranks needs.
 */
public final class RankWeight {
    private static final int TABLE_INTERVALS = 2048;
    private static final int TABLE_POINTS = 8;

    private final DoubleUnaryOperator raw;
    private final DoubleUnaryOperator rawAntiderivative;
    private final double rawIntegral;
    private final double rawAtZero;
    private final double[] breaks;

    private RankWeight(DoubleUnaryOperator raw, DoubleUnaryOperator rawAntiderivative, double[] breaks) {
        this.raw = raw;
        this.rawAntiderivative = rawAntiderivative;
        this.breaks = breaks;
        this.rawAtZero = rawAntiderivative.applyAsDouble(0.0);
        this.rawIntegral = rawAntiderivative.applyAsDouble(1.0) - rawAtZero;
        if (!(rawIntegral > 0) || !Double.isFinite(rawIntegral)) {
            throw new InvalidModelException(InvalidModelException.Part.RANK_WEIGHT,
                    "the rank weight K must have a positive finite integral over [0, 1], got " + rawIntegral);
        }
        for (int i = 0; i <= 1000; i++) {
            double m = i / 1000.0;
            double k = raw.applyAsDouble(m);
            if (!(k >= 0) || !Double.isFinite(k)) {
                throw new InvalidModelException(InvalidModelException.Part.RANK_WEIGHT,
                        "the rank weight K(" + m + ") = " + k + " is not a finite non-negative number");
            }
        }
    }

    /** The paper's example K(m) = (e^{1-m} - 1)/(e - 2). */
    public static RankWeight exponential() {
        double c = 1 / (Math.E - 2);
        return new RankWeight(m -> c * (Math.exp(1 - m) - 1), m -> c * (-Math.exp(1 - m) - m), new double[0]);
    }

    /** K = 1: a partner chosen uniformly. */
    public static RankWeight uniform() {
        return new RankWeight(m -> 1.0, m -> m, new double[0]);
    }

    /** K(m) = 2 (1 - m). */
    public static RankWeight linear() {
        return new RankWeight(m -> 2 * (1 - m), m -> 2 * m - m * m, new double[0]);
    }

    /** K = 1/kappa on [0, kappa]: the nearest fraction kappa of the crowd. */
    public static RankWeight nearestFraction(double kappa) {
        if (!(kappa > 0 && kappa <= 1)) {
            throw new InvalidModelException(InvalidModelException.Part.RANK_WEIGHT,
                    "kappa must lie in (0, 1], got " + kappa);
        }
        return new RankWeight(m -> m <= kappa ? 1 / kappa : 0.0, m -> Math.min(m, kappa) / kappa,
                kappa < 1 ? new double[] {kappa} : new double[0]);
    }

    /**
     * Any K given as a function, smooth between the listed break points; its antiderivative is
     * tabulated by Gauss–Legendre on a fine grid that contains the breaks.
     */
    public static RankWeight of(DoubleUnaryOperator k, double... breaks) {
        double[] sortedBreaks = breaks.clone();
        Arrays.sort(sortedBreaks);
        return new RankWeight(k, antiderivativeTable(k, sortedBreaks), sortedBreaks);
    }

    private static DoubleUnaryOperator antiderivativeTable(DoubleUnaryOperator k, double[] breaks) {
        double[] nodes = new double[TABLE_INTERVALS + 1 + breaks.length];
        for (int i = 0; i <= TABLE_INTERVALS; i++) {
            nodes[i] = (double) i / TABLE_INTERVALS;
        }
        System.arraycopy(breaks, 0, nodes, TABLE_INTERVALS + 1, breaks.length);
        Arrays.sort(nodes);
        double[] integral = new double[nodes.length];
        for (int i = 1; i < nodes.length; i++) {
            integral[i] = integral[i - 1] + integrate(k, nodes[i - 1], nodes[i]);
        }
        return m -> {
            double clamped = Math.min(1.0, Math.max(0.0, m));
            int i = Arrays.binarySearch(nodes, clamped);
            if (i >= 0) {
                return integral[i];
            }
            int left = -i - 2;
            return integral[left] + integrate(k, nodes[left], clamped);
        };
    }

    private static double integrate(DoubleUnaryOperator k, double a, double b) {
        if (b <= a) {
            return 0.0;
        }
        GaussLegendre rule = GaussLegendre.on(TABLE_POINTS, a, b);
        double sum = 0;
        for (int q = 0; q < rule.size(); q++) {
            sum += rule.weight(q) * k.applyAsDouble(rule.node(q));
        }
        return sum;
    }

    /** Normalized K(m). */
    public double value(double m) {
        return raw.applyAsDouble(m) / rawIntegral;
    }

    /**
     * int_0^m K for the normalized K, so cumulative(1) = 1. Differences of it telescope, which
     * makes sums of K averaged over consecutive mass intervals exact to round-off.
     */
    public double cumulative(double m) {
        return (rawAntiderivative.applyAsDouble(m) - rawAtZero) / rawIntegral;
    }

    /** int_0^1 K as given, before normalization. */
    public double rawIntegral() {
        return rawIntegral;
    }

    /** Points of (0, 1) where K is not smooth, sorted. */
    public double[] breaks() {
        return breaks.clone();
    }
}
