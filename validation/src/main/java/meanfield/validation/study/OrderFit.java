package meanfield.validation.study;

/**
 * Observed orders of convergence from errors e_i at step sizes h_i (any quantity proportional to
 * the grid spacing or time step): between successive levels log(e_i / e_j) / log(h_i / h_j), and the
 * least-squares slope of log e against log h with its standard error.
 */
public final class OrderFit {
    private OrderFit() {
    }

    /** order[i] between levels i and i + 1 (NaN where an error is zero or missing). */
    public static double[] successive(double[] h, double[] errors) {
        double[] order = new double[Math.max(0, errors.length - 1)];
        for (int i = 0; i + 1 < errors.length; i++) {
            order[i] = Math.log(errors[i] / errors[i + 1]) / Math.log(h[i] / h[i + 1]);
        }
        return order;
    }

    /**
     * Least-squares slope of log e against log h over the given levels, and its standard error (NaN
     * with two points): {slope, stderr, log C}, e ~ C h^slope.
     */
    public static double[] leastSquares(double[] h, double[] errors, int from, int to) {
        int m = to - from;
        if (m < 2) {
            throw new IllegalArgumentException("a slope needs at least two levels, got " + m);
        }
        double sx = 0;
        double sy = 0;
        for (int i = from; i < to; i++) {
            sx += Math.log(h[i]);
            sy += Math.log(errors[i]);
        }
        double mx = sx / m;
        double my = sy / m;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i < to; i++) {
            double dx = Math.log(h[i]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(errors[i]) - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double residuals = 0;
        for (int i = from; i < to; i++) {
            double r = Math.log(errors[i]) - intercept - slope * Math.log(h[i]);
            residuals += r * r;
        }
        double stderr = m > 2 ? Math.sqrt(residuals / (m - 2) / sxx) : Double.NaN;
        return new double[] {slope, stderr, intercept};
    }
}
