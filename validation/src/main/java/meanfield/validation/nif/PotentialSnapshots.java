package meanfield.validation.nif;

import java.util.Arrays;

/**
 * Copies of the membrane potentials V_i at chosen window edges of a NIF run (edge 0 is t = 0, edge
 * w the end of window w - 1): what a particle-versus-continuum comparison of the density in v needs,
 * at the times it asks for, without keeping N values at every window.
 */
public final class PotentialSnapshots {
    private final int[] edges;
    private final double[][] potentials;

    /** @param edges the window edges to copy at, each in 0..windows */
    public PotentialSnapshots(int[] edges) {
        this.edges = edges.clone();
        this.potentials = new double[edges.length][];
    }

    /** Called by the simulator at every window edge it reaches. */
    void offer(int edge, double[] potential) {
        for (int s = 0; s < edges.length; s++) {
            if (edges[s] == edge) {
                potentials[s] = potential.clone();
            }
        }
    }

    public int count() {
        return edges.length;
    }

    /** V_i at the s-th requested edge, or null when the run stopped before it. */
    public double[] potentials(int s) {
        return potentials[s];
    }

    public int[] edges() {
        return Arrays.copyOf(edges, edges.length);
    }
}
