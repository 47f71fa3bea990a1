package meanfield.solvers.model;

import java.util.OptionalDouble;

/**
 * The NIF limit equation of MODEL.md 1.2 as data:
 * d_t f + d_v[(mu + J) f] - sigma d_vv f + nu f = delta(v - v_R) r,  J = int w(xi, zeta) r(zeta) dzeta,
 * with an optional hard threshold v_F (absorbing, its outflux re-injected at v_R).
 *
 * @param reset     v_R
 * @param sigma     diffusion coefficient: dV = mu dt + sqrt(2 sigma) dB
 * @param drift     mu(t, v, xi)
 * @param rate      nu(v); {@link FiringRate#NONE} for a pure hard threshold
 * @param threshold v_F, or empty for escape noise only
 * @param kernel    w(xi, zeta)
 * @param initial   f0(v, xi), normalized per label by the solver
 */
public record NifModel(double reset, double sigma, Drift drift, FiringRate rate, OptionalDouble threshold,
        SynapticKernel kernel, InitialDensity initial) {
    public NifModel {
        if (!(sigma >= 0)) {
            throw new InvalidModelException(InvalidModelException.Part.SIGMA, "sigma must be >= 0, got " + sigma);
        }
        if (threshold.isPresent() && !(sigma > 0)) {
            throw new InvalidModelException(InvalidModelException.Part.THRESHOLD, "a hard threshold needs sigma > 0");
        }
        if (threshold.isPresent() && !(threshold.getAsDouble() > reset)) {
            throw new InvalidModelException(InvalidModelException.Part.THRESHOLD, "the threshold " + threshold.getAsDouble()
                    + " must lie above the reset " + reset);
        }
    }
}
