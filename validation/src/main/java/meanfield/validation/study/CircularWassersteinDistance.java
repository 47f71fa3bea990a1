package meanfield.validation.study;

/**
 * W1 on the circle between two measures given as masses on equal bins of [0, 1) (constant density
 * inside a bin): with G = F_a - F_b (piecewise linear, G(0) = 0),
 * <pre>
 *   W1 = min over m of int_0^1 | G(x) - m | dx,
 * </pre>
 * the minimum reached at a median of G (the choice of base point on the circle; Rabin, Delon and
 * Gousseau's circular W1), found by bisection on the exact measure of {G < m} and {G > m}. On the torus
 * T^d the distance is the sum over axes of the circular W1 of the one-axis marginals, a lower bound
 * of W1 for the l1 distance on T^d. Observables are [bin..., component] (components summed first:
 * velocity nodes for TOPO, 1 for MV).
 */
public final class CircularWassersteinDistance {
    private static final int BISECTIONS = 100;
    private final int dimension;
    private final int bins;
    private final int components;

    public CircularWassersteinDistance(int dimension, int bins, int components) {
        this.dimension = dimension;
        this.bins = bins;
        this.components = components;
    }

    public double distance(double[] a, double[] b) {
        int expected = (int) Math.pow(bins, dimension) * components;
        if (a.length != expected || b.length != expected) {
            throw new IllegalArgumentException("masses of " + a.length + " and " + b.length + " values, expected " + expected);
        }
        double sum = 0;
        for (int axis = 0; axis < dimension; axis++) {
            sum += circle(marginal(a, axis), marginal(b, axis));
        }
        return sum;
    }

    private double[] marginal(double[] masses, int axis) {
        double[] m = new double[bins];
        int stride = (int) Math.pow(bins, dimension - 1 - axis) * components;
        for (int i = 0; i < masses.length; i++) {
            m[(i / stride) % bins] += masses[i];
        }
        return m;
    }

    /** Circular W1 between two mass vectors on the same equal bins. */
    static double circle(double[] a, double[] b) {
        int n = a.length;
        double h = 1.0 / n;
        double[] g = new double[n + 1];
        double lo = 0;
        double hi = 0;
        for (int j = 0; j < n; j++) {
            g[j + 1] = g[j] + a[j] - b[j];
            lo = Math.min(lo, g[j + 1]);
            hi = Math.max(hi, g[j + 1]);
        }
        for (int it = 0; it < BISECTIONS && hi - lo > 1e-15; it++) {
            double m = 0.5 * (lo + hi);
            if (belowMinusAbove(g, m, h) < 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        double m = 0.5 * (lo + hi);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double x = g[j] - m;
            double y = g[j + 1] - m;
            sum += x * y >= 0 ? 0.5 * (Math.abs(x) + Math.abs(y)) * h
                    : 0.5 * (x * x + y * y) / (Math.abs(x) + Math.abs(y)) * h;
        }
        return sum;
    }

    /** |{G < m}| - |{G > m}|: the derivative in m of int |G - m|, increasing in m. */
    private static double belowMinusAbove(double[] g, double m, double h) {
        double d = 0;
        for (int j = 0; j + 1 < g.length; j++) {
            double x = g[j];
            double y = g[j + 1];
            // G is linear on the bin: the share of it below m is where m sits between its end values.
            double low = Math.min(x, y);
            double high = Math.max(x, y);
            double below = low == high ? (low < m ? 1 : 0) : Math.max(0, Math.min(1, (m - low) / (high - low)));
            d += h * (2 * below - 1);
        }
        return d;
    }
}
