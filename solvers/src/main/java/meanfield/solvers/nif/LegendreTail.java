package meanfield.solvers.nif;

import meanfield.grids.LobattoElements;

/**
 * How well the spectral elements resolve a density: on each element the Legendre coefficients of
 * the nodal polynomial (discrete transform with the GLL rule), and the size of the two highest
 * relative to the largest. Smooth data resolved to precision e have a tail of about e; a boundary
 * layer thinner than the nodes can follow shows as a tail near 1.
 */
final class LegendreTail {
    private LegendreTail() {
    }

    /** The largest tail over labels and elements of a density given at every node, label-major. */
    static double of(NifSpectral system, double[] density) {
        LobattoElements v = system.vGrid();
        int p = v.degree();
        int n = v.size();
        int labels = density.length / n;
        double[] x = v.referenceNodes();
        double[] w = v.referenceWeights();
        double[][] legendre = new double[p + 1][p + 1];
        for (int q = 0; q <= p; q++) {
            legendre[0][q] = 1;
            legendre[1][q] = x[q];
            for (int k = 2; k <= p; k++) {
                legendre[k][q] = ((2 * k - 1) * x[q] * legendre[k - 1][q] - (k - 1) * legendre[k - 2][q]) / k;
            }
        }
        double worst = 0;
        double[] c = new double[p + 1];
        for (int l = 0; l < labels; l++) {
            for (int e = 0; e < v.elements(); e++) {
                double max = 0;
                for (int k = 0; k <= p; k++) {
                    double sum = 0;
                    for (int q = 0; q <= p; q++) {
                        sum += w[q] * legendre[k][q] * density[l * n + e * p + q];
                    }
                    // The GLL rule gives P_p the discrete norm 2/p instead of 2/(2p + 1).
                    c[k] = sum * (k < p ? (2 * k + 1) / 2.0 : p / 2.0);
                    max = Math.max(max, Math.abs(c[k]));
                }
                if (max > 0) {
                    worst = Math.max(worst, (Math.abs(c[p]) + Math.abs(c[p - 1])) / max);
                }
            }
        }
        return worst;
    }
}
