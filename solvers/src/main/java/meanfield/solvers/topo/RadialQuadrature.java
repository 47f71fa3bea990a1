package meanfield.solvers.topo;

import org.hipparchus.special.BesselJ;

import meanfield.grids.GaussLegendre;
import meanfield.grids.fourier.FourierMultiplier;
import meanfield.grids.fourier.FourierTransform;

/**
 * The radial quadrature of the spectral gain: nodes R_q with weights w_q on [0, R_max] and, at
 * each node, two Fourier multipliers on the torus, both even and real:
 * <ul>
 * <li>the ball: (B_R rho)(x) = M_rho(x, R), the mass within distance R of x, each point once;</li>
 * <li>the ring: (C_R f)(x), the integral of f over the points at distance R from x.</li>
 * </ul>
 * In 1D, R_max = 1/2, the ball's symbol is sin(2 pi k R)/(pi k) and the ring's 2 cos(2 pi k R).
 * In 2D, R_max = sqrt(2)/2: for R <= 1/2 the ball is a disc (symbol R J1(2 pi |k| R)/|k|) and
 * the ring a circle (2 pi R J0(2 pi |k| R)); beyond, both are clipped to the unit cell centred at
 * x, the circle to the arcs theta in [alpha, pi/2 - alpha] (cos alpha = 1/(2R)) of each quadrant
 * and the disc to the cell minus its four corners, each symbol a Gauss–Legendre integral of
 * cosines over that arc. The integrand of the radial integral behaves like sqrt(R - 1/2) just above 1/2, so
 * the outer interval is mapped by R = 1/2 + c s^2 (c = sqrt(2)/2 - 1/2), which makes it smooth in s.
 */
final class RadialQuadrature {
    private static final double OUTER = Math.sqrt(0.5) - 0.5;

    final double[] radius;
    final double[] weight;
    final FourierMultiplier[] ball;
    final FourierMultiplier[] ring;

    private RadialQuadrature(double[] radius, double[] weight, FourierMultiplier[] ball, FourierMultiplier[] ring) {
        this.radius = radius;
        this.weight = weight;
        this.ball = ball;
        this.ring = ring;
    }

    int size() {
        return radius.length;
    }

    /** Inner nodes on [0, 1/2]; in 2D also outer nodes on [1/2, sqrt(2)/2]. */
    static RadialQuadrature on(FourierTransform transform, int innerNodes, int outerNodes) {
        int d = transform.grid().dimension();
        int total = d == 1 ? innerNodes : innerNodes + outerNodes;
        double[] radius = new double[total];
        double[] weight = new double[total];
        GaussLegendre inner = GaussLegendre.on(innerNodes, 0.0, 0.5);
        for (int q = 0; q < innerNodes; q++) {
            radius[q] = inner.node(q);
            weight[q] = inner.weight(q);
        }
        if (d == 2) {
            GaussLegendre outer = GaussLegendre.on(outerNodes, 0.0, 1.0);
            for (int q = 0; q < outerNodes; q++) {
                double s = outer.node(q);
                radius[innerNodes + q] = 0.5 + OUTER * s * s;
                weight[innerNodes + q] = outer.weight(q) * 2 * OUTER * s;
            }
        } else if (d != 1) {
            throw new IllegalArgumentException("the spectral gain is implemented in 1D and 2D, not " + d + "D");
        }
        FourierMultiplier[] ball = new FourierMultiplier[total];
        FourierMultiplier[] ring = new FourierMultiplier[total];
        int angular = Math.max(48, transform.grid().n());
        GaussLegendre unit = GaussLegendre.on(angular, 0.0, 1.0);
        for (int q = 0; q < total; q++) {
            double r = radius[q];
            if (d == 1) {
                ball[q] = FourierMultiplier.of(transform, (k, m) -> m[0] = k[0] == 0 ? 2 * r
                        : Math.sin(2 * Math.PI * k[0] * r) / (Math.PI * k[0]));
                ring[q] = FourierMultiplier.of(transform, (k, m) -> m[0] = 2 * Math.cos(2 * Math.PI * k[0] * r));
            } else if (r <= 0.5) {
                ball[q] = FourierMultiplier.of(transform, (k, m) -> {
                    double kappa = Math.hypot(k[0], k[1]);
                    m[0] = kappa == 0 ? Math.PI * r * r : r * BesselJ.value(1, 2 * Math.PI * kappa * r) / kappa;
                });
                ring[q] = FourierMultiplier.of(transform, (k, m) -> m[0] = 2 * Math.PI * r
                        * BesselJ.value(0, 2 * Math.PI * Math.hypot(k[0], k[1]) * r));
            } else {
                ball[q] = FourierMultiplier.of(transform, (k, m) -> m[0] = clippedDisc(k[0], k[1], r, unit));
                ring[q] = FourierMultiplier.of(transform, (k, m) -> m[0] = clippedCircle(k[0], k[1], r, unit));
            }
        }
        return new RadialQuadrature(radius, weight, ball, ring);
    }

    /** 4 R int_alpha^{pi/2 - alpha} cos(2 pi R k1 cos t) cos(2 pi R k2 sin t) dt, cos alpha = 1/(2R). */
    static double clippedCircle(int k1, int k2, double r, GaussLegendre unit) {
        double alpha = Math.acos(0.5 / r);
        double length = Math.PI / 2 - 2 * alpha;
        double sum = 0;
        for (int i = 0; i < unit.size(); i++) {
            double t = alpha + length * unit.node(i);
            sum += unit.weight(i) * Math.cos(2 * Math.PI * r * k1 * Math.cos(t)) * Math.cos(2 * Math.PI * r * k2 * Math.sin(t));
        }
        return 4 * r * length * sum;
    }

    /**
     * The unit cell [-1/2, 1/2]^2 (symbol: 1 at k = 0, else 0) minus its four corners beyond
     * radius R, each corner int_a^{1/2} cos(2 pi k1 z1) int_b^{1/2} cos(2 pi k2 z2) dz2 dz1 with
     * b = sqrt(R^2 - z1^2), the inner integral in closed form. With z1 = R cos(phi) the outer
     * integral runs over the arc of {@link #clippedCircle}: in z1, b has a square-root endpoint
     * as R approaches 1/2 that Gauss–Legendre would resolve only slowly.
     */
    static double clippedDisc(int k1, int k2, double r, GaussLegendre unit) {
        double alpha = Math.acos(0.5 / r);
        double length = Math.PI / 2 - 2 * alpha;
        double corner = 0;
        for (int i = 0; i < unit.size(); i++) {
            double phi = alpha + length * unit.node(i);
            double z1 = r * Math.cos(phi);
            double b = r * Math.sin(phi);
            double inner = k2 == 0 ? 0.5 - b : -Math.sin(2 * Math.PI * k2 * b) / (2 * Math.PI * k2);
            corner += unit.weight(i) * Math.cos(2 * Math.PI * k1 * z1) * inner * b;
        }
        return (k1 == 0 && k2 == 0 ? 1.0 : 0.0) - 4 * length * corner;
    }
}
