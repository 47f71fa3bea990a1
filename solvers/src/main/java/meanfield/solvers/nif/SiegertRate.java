package meanfield.solvers.nif;

import org.hipparchus.special.Erf;

import meanfield.grids.GaussLegendre;

/**
 * The stationary firing rate of an uncoupled leaky neuron with a hard threshold (MODEL.md 1.3):
 * dV = -a (V - c) dt + sqrt(2 sigma) dB, spike and reset to v_R on reaching v_F. Siegert's formula,
 * 1/r = (sqrt(pi)/a) int_{u_R}^{u_F} e^{u^2} (1 + erf u) du with u = (v - c) sqrt(a / (2 sigma)),
 * by composite Gauss–Legendre; the reference that the finite volumes and the particles are checked
 * against. The integrand overflows beyond u of about 26: thresholds many noise widths above c.
 */
public final class SiegertRate {
    private SiegertRate() {
    }

    public static double of(double a, double c, double sigma, double reset, double threshold) {
        if (!(a > 0) || !(sigma > 0) || !(threshold > reset)) {
            throw new IllegalArgumentException("Siegert's formula needs a > 0, sigma > 0 and v_F > v_R, got a = " + a
                    + ", sigma = " + sigma + ", v_R = " + reset + ", v_F = " + threshold);
        }
        double scale = Math.sqrt(a / (2 * sigma));
        double from = (reset - c) * scale;
        double to = (threshold - c) * scale;
        int pieces = 200;
        double integral = 0;
        for (int p = 0; p < pieces; p++) {
            GaussLegendre rule = GaussLegendre.on(8, from + (to - from) * p / pieces, from + (to - from) * (p + 1) / pieces);
            for (int q = 0; q < rule.size(); q++) {
                double u = rule.node(q);
                integral += rule.weight(q) * Math.exp(u * u) * (1 + Erf.erf(u));
            }
        }
        return a / (Math.sqrt(Math.PI) * integral);
    }
}
