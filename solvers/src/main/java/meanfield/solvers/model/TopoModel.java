package meanfield.solvers.model;

/**
 * The topological kinetic equation of MODEL.md 2.2 on the torus T^d with a finite velocity set:
 * (d_t + v . grad_x) f_k = -f_k + rho(x) int K(M_rho(x, |x - y|)) f_k(y) dy.
 *
 * @param dimension  d = 1, 2 or 3
 * @param weight     the rank weight K, normalized
 * @param velocities the velocity nodes v_k, velocities[k] of length d
 * @param initial    f0(x, v) up to a factor: solvers take node masses at the velocity nodes and
 *                   normalize the total mass to 1
 */
public record TopoModel(int dimension, RankWeight weight, double[][] velocities, InitialData initial) {

    /** f0 at a position x (length d) and a velocity node v (length d). */
    @FunctionalInterface
    public interface InitialData {
        double value(double[] x, double[] v);
    }

    public TopoModel {
        if (dimension < 1 || dimension > 3) {
            throw new InvalidModelException(InvalidModelException.Part.VELOCITIES,
                    "the dimension must be 1, 2 or 3, got " + dimension);
        }
        if (velocities.length == 0) {
            throw new InvalidModelException(InvalidModelException.Part.VELOCITIES, "no velocities given");
        }
        for (int k = 0; k < velocities.length; k++) {
            if (velocities[k].length != dimension) {
                throw new InvalidModelException(InvalidModelException.Part.VELOCITIES, "velocity " + k + " has "
                        + velocities[k].length + " components in dimension " + dimension);
            }
            for (double c : velocities[k]) {
                if (!Double.isFinite(c)) {
                    throw new InvalidModelException(InvalidModelException.Part.VELOCITIES,
                            "velocity " + k + " is not finite");
                }
            }
        }
    }

    public int velocityCount() {
        return velocities.length;
    }
}
