package meanfield.validation.study;

/**
 * The MV particle-versus-continuum distance at one time: the L1 distance between the binned
 * densities, the particles' mass per bin over the bin volume |B| against the continuum density
 * averaged over the bin,
 * <pre>
 *   d = sum_B |B| | hist_N(B)/|B| - (1/|B|) int_B rho(x) dx | = sum_B | hist_N(B) - int_B rho(x) dx |,
 * </pre>
 * at most 2.
 */
public final class BinnedDensityDistance {
    private final TorusBinMasses masses;

    /**
     * @param points    the continuum's points along every axis (cell centres or nodes j/n)
     * @param dimension d
     * @param bins      histogram bins per axis
     */
    public BinnedDensityDistance(double[] points, int dimension, int bins) {
        this.masses = new TorusBinMasses(points, dimension, bins, 1);
    }

    /** int_B rho dx for every bin B, from rho at the points. */
    public double[] continuum(double[] rho) {
        return masses.masses(rho);
    }

    /** d between a particle position histogram (mass per bin) and continuum bin masses. */
    public double distance(double[] histogram, double[] continuum) {
        return MassDifference.l1(histogram, continuum);
    }
}
