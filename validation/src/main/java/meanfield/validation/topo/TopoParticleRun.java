package meanfield.validation.topo;

/**
 * What a topological particle run produced, in memory: the arrays of {@code particles.h5}
 * (PROBLEMS.md), from time 0 or, for a run resumed from a checkpoint, from the output after it, and
 * the event counts of the whole run.
 *
 * @param times              the output times (nt)
 * @param xEdges             the bin edges along each axis on [0, 1] (nb + 1)
 * @param positionHistogram  positionHistogram[o][bin]: mass (particles / N) per bin at output o, nb^d bins
 *                           indexed row-major with the first axis slowest (arrays indexed [x, y, z])
 * @param joint              joint[o][bin * nvel + k]: mass per bin and velocity node
 * @param velocities         the velocity nodes v_k (nvel x d)
 * @param particles          N
 * @param events             interactions over the run (about N T)
 * @param velocityChanges    interactions whose partner had another velocity
 * @param firstOutput        the index of times[0] among the output times of the whole run: 0, or for a run
 *                           resumed from a checkpoint the output after it (such a run holds only the outputs
 *                           from there on, but counts the events of the whole run)
 */
public record TopoParticleRun(double[] times, double[] xEdges, double[][] positionHistogram, double[][] joint,
        double[][] velocities, int particles, long events, long velocityChanges, int firstOutput) {

    public int outputCount() {
        return times.length;
    }

    /** h_k at output o: the mass carried by velocity node k. */
    public double[] velocityMarginal(int o) {
        int nvel = velocities.length;
        double[] marginal = new double[nvel];
        double[] table = joint[o];
        for (int c = 0; c < table.length; c++) {
            marginal[c % nvel] += table[c];
        }
        return marginal;
    }
}
