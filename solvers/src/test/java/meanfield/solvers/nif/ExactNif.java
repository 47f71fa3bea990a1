package meanfield.solvers.nif;

import meanfield.grids.GaussLegendre;

/** Exact NIF results of MODEL.md 1.3, computed by quadrature. */
final class ExactNif {
    private ExactNif() {
    }

    /**
     * f_inf(v) = int_0^inf lambda e^{-lambda s} N(v; c + (v_R - c) e^{-a s}, (sigma/a)(1 - e^{-2 a s})) ds,
     * with s = u^2 to remove the s^{-1/2} behaviour at s = 0, by composite Gauss–Legendre.
     */
    static double constantRateStationary(double v, double lambda, double a, double c, double reset, double sigma) {
        double upper = Math.sqrt(45 / lambda);
        int pieces = 400;
        double sum = 0;
        for (int p = 0; p < pieces; p++) {
            // Pieces graded towards u = 0: near v_R the integrand peaks at u ~ |v - v_R| / sqrt(sigma), arbitrarily close to 0.
            GaussLegendre rule = GaussLegendre.on(8, upper * Math.pow((double) p / pieces, 3),
                    upper * Math.pow((double) (p + 1) / pieces, 3));
            for (int q = 0; q < rule.size(); q++) {
                double u = rule.node(q);
                double s = u * u;
                double mean = c + (reset - c) * Math.exp(-a * s);
                double variance = sigma / a * -Math.expm1(-2 * a * s);
                double z = v - mean;
                double gauss = Math.exp(-z * z / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);
                sum += rule.weight(q) * lambda * Math.exp(-lambda * s) * gauss * 2 * u;
            }
        }
        return sum;
    }
}
