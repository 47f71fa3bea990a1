package meanfield.validation.study;

/**
 * The TOPO particle-versus-continuum distance at one time: the L1 distance between the particles'
 * joint histogram (mass per position bin B and velocity node k, each particle weighing 1/N) and the
 * continuum's node masses integrated over the same bins,
 * <pre>
 *   d = sum_B sum_k | joint_N(B, k) - int_B f_k(x) dx |,
 * </pre>
 * which is at most 2 (both sides have mass 1).
 */
public final class JointMassDistance {
    private final TorusBinMasses masses;

    /**
     * @param points     the continuum's points along every axis (cell centres or nodes j/n)
     * @param dimension  d
     * @param bins       histogram bins per axis
     * @param velocities the number of velocity nodes
     */
    public JointMassDistance(double[] points, int dimension, int bins, int velocities) {
        this.masses = new TorusBinMasses(points, dimension, bins, velocities);
    }

    /** int_B f_k dx for every bin B and node k, from the node masses f_k at the points ([x..., velocity]). */
    public double[] continuum(double[] nodeMasses) {
        return masses.masses(nodeMasses);
    }

    /** d between a particle joint histogram and continuum bin masses (both [bin..., velocity]). */
    public double distance(double[] joint, double[] continuum) {
        return MassDifference.l1(joint, continuum);
    }
}
