package meanfield.grids;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/** Gauss–Legendre nodes and weights on an interval, taken from Hipparchus. */
public final class GaussLegendre {
    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private final double[] nodes;
    private final double[] weights;

    private GaussLegendre(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The n-point rule on [a, b]: exact for polynomials of degree 2n - 1. */
    public static GaussLegendre on(int n, double a, double b) {
        GaussIntegrator rule = FACTORY.legendre(n, a, b);
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rule.getPoint(i);
            w[i] = rule.getWeight(i);
        }
        return new GaussLegendre(x, w);
    }

    public int size() {
        return nodes.length;
    }

    public double node(int i) {
        return nodes[i];
    }

    public double weight(int i) {
        return weights[i];
    }
}
