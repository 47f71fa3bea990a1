package meanfield.validation.study;

/**
 * W1 on the line as the L1 distance of distribution functions, int |F_N(v) - F(v)| dv, between an
 * empirical measure (sorted samples, equal weights) and a measure with a piecewise-constant density
 * on cells (F piecewise linear), computed exactly: between successive breakpoints (samples and cell
 * edges) F_N is constant and F linear, and |linear| integrates in closed form.
 */
public final class CdfDistance {
    private CdfDistance() {
    }

    /**
     * @param sorted     the samples, ascending, in [from, to)
     * @param edges      the cell edges (ascending)
     * @param cumulative F at the edges: 0 at the first, 1 at the last
     */
    public static double of(double[] sorted, int from, int to, double[] edges, double[] cumulative) {
        int n = to - from;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double sum = 0;
        int s = from;
        int e = 0;
        // F_N and F are 0 left of both the first sample and the first edge.
        double x = Math.min(sorted[from], edges[0]);
        int below = 0;
        while (s < to || e < edges.length) {
            double next = e < edges.length && (s >= to || edges[e] <= sorted[s]) ? edges[e] : sorted[s];
            double fn = (double) below / n;
            sum += segment(fn, cdf(x, edges, cumulative), cdf(next, edges, cumulative), next - x);
            x = next;
            if (e < edges.length && edges[e] == next) {
                e++;
            } else {
                s++;
                below++;
            }
        }
        return sum;
    }

    /** int over a segment of length h of |F - fn| with F linear from fa to fb. */
    private static double segment(double fn, double fa, double fb, double h) {
        double a = fa - fn;
        double b = fb - fn;
        if (h <= 0) {
            return 0;
        }
        if (a * b >= 0) {
            return 0.5 * (Math.abs(a) + Math.abs(b)) * h;
        }
        return 0.5 * (a * a + b * b) / (Math.abs(a) + Math.abs(b)) * h;
    }

    /** F at x: linear inside the cells, 0 before and 1 after. */
    private static double cdf(double x, double[] edges, double[] cumulative) {
        int last = edges.length - 1;
        if (x <= edges[0]) {
            return 0;
        }
        if (x >= edges[last]) {
            return 1;
        }
        int k = java.util.Arrays.binarySearch(edges, x);
        if (k >= 0) {
            return cumulative[k];
        }
        k = -k - 2;
        double s = (x - edges[k]) / (edges[k + 1] - edges[k]);
        return cumulative[k] + s * (cumulative[k + 1] - cumulative[k]);
    }
}
