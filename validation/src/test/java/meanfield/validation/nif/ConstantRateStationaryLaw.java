package meanfield.validation.nif;

import org.hipparchus.distribution.continuous.AbstractRealDistribution;
import org.hipparchus.special.Erf;

import meanfield.grids.GaussLegendre;

/**
 * The stationary law of a neuron with constant rate lambda and drift -a v + I (MODEL.md 1.3):
 * the mixture over the time s since the last reset, s ~ Exp(lambda), of
 * N(c + (v_R - c) e^{-a s}, (sigma / a)(1 - e^{-2 a s})), c = I / a. Only the distribution
 * function is computed, which is all a Kolmogorov–Smirnov test needs.
 */
final class ConstantRateStationaryLaw extends AbstractRealDistribution {
    private static final long serialVersionUID = 1L;
    /**
     * Composite Gauss–Legendre in u = sqrt(s), pieces graded towards u = 0 where Phi jumps at
     * v = v_R: 16 x 8 nodes are within 1e-7 of 240 x 8 (a KS test here resolves 1e-2).
     */
    private static final int PIECES = 16;
    private static final int POINTS = 8;

    private final double[] weight = new double[PIECES * POINTS];
    private final double[] mean = new double[PIECES * POINTS];
    private final double[] sd = new double[PIECES * POINTS];

    ConstantRateStationaryLaw(double lambda, double a, double input, double reset, double sigma) {
        double c = input / a;
        // s beyond 40 / lambda carries mass e^-40.
        double upper = Math.sqrt(40 / lambda);
        int q = 0;
        for (int p = 0; p < PIECES; p++) {
            double from = upper * p * p / (PIECES * PIECES);
            double to = upper * (p + 1) * (p + 1) / (PIECES * PIECES);
            GaussLegendre rule = GaussLegendre.on(POINTS, from, to);
            for (int k = 0; k < POINTS; k++, q++) {
                double u = rule.node(k);
                double s = u * u;
                weight[q] = rule.weight(k) * lambda * Math.exp(-lambda * s) * 2 * u;
                mean[q] = c + (reset - c) * Math.exp(-a * s);
                sd[q] = Math.sqrt(sigma / a * -Math.expm1(-2 * a * s));
            }
        }
    }

    @Override
    public double cumulativeProbability(double v) {
        double sum = 0;
        for (int q = 0; q < weight.length; q++) {
            sum += weight[q] * 0.5 * Erf.erfc(-(v - mean[q]) / (sd[q] * Math.sqrt(2)));
        }
        return sum;
    }

    @Override
    public double density(double v) {
        throw new UnsupportedOperationException("only the distribution function is computed");
    }

    @Override
    public double getNumericalMean() {
        throw new UnsupportedOperationException("only the distribution function is computed");
    }

    @Override
    public double getNumericalVariance() {
        throw new UnsupportedOperationException("only the distribution function is computed");
    }

    @Override
    public double getSupportLowerBound() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double getSupportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isSupportConnected() {
        return true;
    }
}
