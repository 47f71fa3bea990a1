package meanfield.grids;

import java.util.Arrays;

/**
 * Spectral elements on [min, max]: the interval cut at given breakpoints, each element carrying
 * the p + 1 Gauss–Lobatto–Legendre (GLL) nodes of degree p, neighbours sharing their common node.
 * Global node i of element e is e p + q (q = 0..p). The GLL rule of an element is exact for
 * polynomials of degree 2p - 1, so with it a weak form conserves mass exactly and lumps its mass
 * matrix to the diagonal of the global weights.
 */
public final class LobattoElements {
    private final double[] breaks;
    private final int degree;
    private final double[] referenceNodes;
    private final double[] referenceWeights;
    private final double[] referenceDerivative;
    private final double[] barycentric;
    private final double[] nodes;
    private final double[] weights;

    /**
     * @param breaks strictly increasing element ends, at least two (one element)
     * @param degree the polynomial degree p of every element, at least 2
     */
    public LobattoElements(double[] breaks, int degree) {
        if (breaks.length < 2) {
            throw new IllegalArgumentException("spectral elements need at least two breakpoints, got " + breaks.length);
        }
        for (int e = 1; e < breaks.length; e++) {
            if (!(breaks[e] > breaks[e - 1]) || !Double.isFinite(breaks[e])) {
                throw new IllegalArgumentException("element breakpoints must increase: " + Arrays.toString(breaks));
            }
        }
        if (degree < 2) {
            throw new IllegalArgumentException("the element degree must be at least 2, got " + degree);
        }
        this.breaks = breaks.clone();
        this.degree = degree;
        this.referenceNodes = lobattoNodes(degree);
        this.referenceWeights = new double[degree + 1];
        for (int q = 0; q <= degree; q++) {
            double pq = legendre(degree, referenceNodes[q])[0];
            referenceWeights[q] = 2.0 / (degree * (degree + 1) * pq * pq);
        }
        this.barycentric = barycentricWeights(referenceNodes);
        this.referenceDerivative = derivativeMatrix(referenceNodes, barycentric);
        int elements = breaks.length - 1;
        this.nodes = new double[elements * degree + 1];
        this.weights = new double[nodes.length];
        for (int e = 0; e < elements; e++) {
            double half = (breaks[e + 1] - breaks[e]) / 2;
            double mid = (breaks[e + 1] + breaks[e]) / 2;
            for (int q = 0; q <= degree; q++) {
                // The ends are the breakpoints themselves, not mid +- half, so shared nodes agree to the bit.
                nodes[e * degree + q] = q == 0 ? breaks[e] : q == degree ? breaks[e + 1] : mid + half * referenceNodes[q];
                weights[e * degree + q] += half * referenceWeights[q];
            }
        }
    }

    /** Elements of one length per side of each interior breakpoint: {@code counts[i]} equal elements in [points[i], points[i+1]]. */
    public static double[] breakpoints(double[] points, int[] counts) {
        int total = Arrays.stream(counts).sum();
        double[] breaks = new double[total + 1];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i]; j++) {
                breaks[k++] = points[i] + (points[i + 1] - points[i]) * j / counts[i];
            }
        }
        breaks[total] = points[points.length - 1];
        return breaks;
    }

    public int elements() {
        return breaks.length - 1;
    }

    public int degree() {
        return degree;
    }

    /** Number of global nodes, E p + 1. */
    public int size() {
        return nodes.length;
    }

    public double min() {
        return breaks[0];
    }

    public double max() {
        return breaks[breaks.length - 1];
    }

    public double breakpoint(int e) {
        return breaks[e];
    }

    public double length(int e) {
        return breaks[e + 1] - breaks[e];
    }

    /** The global node positions (a copy). */
    public double[] nodes() {
        return nodes.clone();
    }

    public double node(int i) {
        return nodes[i];
    }

    /** The global quadrature weights: the sum of the element GLL weights at each node (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    public double weight(int i) {
        return weights[i];
    }

    /** The GLL nodes on [-1, 1], increasing (a copy). */
    public double[] referenceNodes() {
        return referenceNodes.clone();
    }

    /** The GLL weights on [-1, 1] (a copy). */
    public double[] referenceWeights() {
        return referenceWeights.clone();
    }

    /** D[q (p+1) + j] = l_j'(x_q) on [-1, 1], l_j the Lagrange basis of the GLL nodes (a copy). */
    public double[] referenceDerivative() {
        return referenceDerivative.clone();
    }

    /** The index of the global node at breakpoint e. */
    public int breakNode(int e) {
        return e * degree;
    }

    /** The element that holds x (the left one at a breakpoint); x must lie in [min, max]. */
    public int elementOf(double x) {
        int e = Arrays.binarySearch(breaks, x);
        if (e >= 0) {
            return Math.max(0, Math.min(e - 1, elements() - 1));
        }
        return Math.max(0, Math.min(-e - 2, elements() - 1));
    }

    /** The element polynomial through the nodal values, evaluated at x (barycentric formula: stable). */
    public double interpolate(double[] values, int offset, double x) {
        return interpolateIn(elementOf(x), values, offset, x);
    }

    /**
     * The integral of the element polynomials over [a, b] (within [min, max]), by a Gauss rule of
     * p + 1 points on each piece: exact, since the integrand is a polynomial of degree p per element.
     */
    public double integrate(double[] values, int offset, double a, double b) {
        double sum = 0;
        for (int e = elementOf(a); e < elements() && breaks[e] < b; e++) {
            double lo = Math.max(a, breaks[e]);
            double hi = Math.min(b, breaks[e + 1]);
            if (hi <= lo) {
                continue;
            }
            GaussLegendre rule = GaussLegendre.on(degree / 2 + 1, lo, hi);
            for (int q = 0; q < rule.size(); q++) {
                double x = rule.node(q);
                sum += rule.weight(q) * interpolateIn(e, values, offset, x);
            }
        }
        return sum;
    }

    private double interpolateIn(int e, double[] values, int offset, double x) {
        double half = length(e) / 2;
        double s = (x - (breaks[e] + half)) / half;
        int first = offset + e * degree;
        double numerator = 0;
        double denominator = 0;
        for (int q = 0; q <= degree; q++) {
            double d = s - referenceNodes[q];
            if (d == 0) {
                return values[first + q];
            }
            double c = barycentric[q] / d;
            numerator += c * values[first + q];
            denominator += c;
        }
        return numerator / denominator;
    }

    /** P_n(x) and P_n'(x) by the three-term recurrence. */
    private static double[] legendre(int n, double x) {
        double p0 = 1;
        double p1 = x;
        double d0 = 0;
        double d1 = 1;
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            double d2 = d0 + (2 * k - 1) * p1;
            p0 = p1;
            p1 = p2;
            d0 = d1;
            d1 = d2;
        }
        return n == 0 ? new double[] {1, 0} : new double[] {p1, d1};
    }

    /** -1, the roots of P_p' (Newton from the Chebyshev–Lobatto points), and 1, increasing. */
    private static double[] lobattoNodes(int p) {
        double[] x = new double[p + 1];
        for (int q = 0; q <= p; q++) {
            double xi = -Math.cos(Math.PI * q / p);
            if (q > 0 && q < p) {
                // Newton on (1 - x^2) P_p'(x): its derivative is -p (p + 1) P_p(x) by Legendre's equation.
                for (int it = 0; it < 100; it++) {
                    double[] pd = legendre(p, xi);
                    double step = (1 - xi * xi) * pd[1] / (-p * (p + 1) * pd[0]);
                    xi -= step;
                    if (Math.abs(step) < 1e-16) {
                        break;
                    }
                }
            }
            x[q] = xi;
        }
        x[0] = -1;
        x[p] = 1;
        // The nodes are symmetric: enforce it, so that symmetric data stay symmetric to the bit.
        for (int q = 0; q < (p + 1) / 2; q++) {
            double m = (x[p - q] - x[q]) / 2;
            x[q] = -m;
            x[p - q] = m;
        }
        if (p % 2 == 0) {
            x[p / 2] = 0;
        }
        return x;
    }

    private static double[] barycentricWeights(double[] x) {
        int n = x.length;
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            double prod = 1;
            for (int k = 0; k < n; k++) {
                if (k != j) {
                    prod *= x[j] - x[k];
                }
            }
            w[j] = 1 / prod;
        }
        return w;
    }

    /** D_qj = l_j'(x_q); the diagonal from the negative row sum (derivative of a constant is 0 exactly). */
    private static double[] derivativeMatrix(double[] x, double[] w) {
        int n = x.length;
        double[] d = new double[n * n];
        for (int q = 0; q < n; q++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (j != q) {
                    double v = w[j] / w[q] / (x[q] - x[j]);
                    d[q * n + j] = v;
                    sum += v;
                }
            }
            d[q * n + q] = -sum;
        }
        return d;
    }
}
