package meanfield.validation.study;

/**
 * The NIF distance of the density in v per label bin at one time: the L1 distance between the
 * particles' histogram of V_i over equal v bins (each neuron of label bin B weighing 1/|neurons in B|,
 * with one bin below and one above the v domain) and the continuum's f_B(t, v) integrated over the
 * same v bins, averaged over the label bins,
 * <pre>
 *   d = sum_B |B| sum_b | hist_N(B, b) - int_b f_B(t, v) dv |,
 * </pre>
 * at most 2. Observables are flat [B * (vBins + 2) + b], b = 0 below v_min, vBins + 1 above v_max.
 */
public final class VoltageDensityDistance {
    private final LabelBins labels;
    private final double vMin;
    private final double vMax;
    private final int vBins;

    public VoltageDensityDistance(LabelBins labels, double vMin, double vMax, int vBins) {
        if (!(vMax > vMin) || vBins < 1) {
            throw new IllegalArgumentException("v bins on [" + vMin + ", " + vMax + "]: " + vBins);
        }
        this.labels = labels;
        this.vMin = vMin;
        this.vMax = vMax;
        this.vBins = vBins;
    }

    /** The edges of the v bins (vBins + 1), the outer two bins excluded. */
    public double[] vEdges() {
        double[] edges = new double[vBins + 1];
        for (int b = 0; b <= vBins; b++) {
            edges[b] = vMin + (vMax - vMin) * b / vBins;
        }
        return edges;
    }

    public int size() {
        return labels.bins() * (vBins + 2);
    }

    /** The particles' histogram from V_i of neurons 0..N-1 (ordered by label). */
    public double[] particles(double[] v) {
        int n = v.length;
        int row = vBins + 2;
        double[] hist = new double[size()];
        int[] count = new int[labels.bins()];
        for (int i = 0; i < n; i++) {
            count[labels.of(i, n)]++;
        }
        for (int i = 0; i < n; i++) {
            int b = labels.of(i, n);
            double x = (v[i] - vMin) / (vMax - vMin) * vBins;
            int slot = x < 0 ? 0 : x >= vBins ? vBins + 1 : 1 + (int) x;
            hist[b * row + slot] += 1.0 / count[b];
        }
        return hist;
    }

    /** The continuum's masses per label bin and v bin, from f on label cells x v cells over [vMin, vMax]. */
    public double[] continuum(double[] density, int labelCells, double[] vCellEdges) {
        int vCells = vCellEdges.length - 1;
        double[] perBin = labels.perBin(density, labelCells);
        double[][] fraction = IntervalOverlap.fractions(vEdges(), vCellEdges);
        int row = vBins + 2;
        double[] masses = new double[size()];
        for (int b = 0; b < labels.bins(); b++) {
            for (int k = 0; k < vCells; k++) {
                double mass = perBin[b * vCells + k] * (vCellEdges[k + 1] - vCellEdges[k]);
                double inside = 0;
                for (int j = 0; j < vBins; j++) {
                    masses[b * row + 1 + j] += fraction[j][k] * mass;
                    inside += fraction[j][k];
                }
                // A continuum domain wider than the bins puts the rest of the cell in the outer bins.
                double rest = (1 - inside) * mass;
                if (rest > 0) {
                    masses[b * row + (vCellEdges[k] < vMin ? 0 : vBins + 1)] += rest;
                }
            }
        }
        return masses;
    }

    public double distance(double[] particle, double[] continuum) {
        if (particle.length != size() || continuum.length != size()) {
            throw new IllegalArgumentException("histograms of " + particle.length + " and " + continuum.length
                    + " values, expected " + size());
        }
        return MassDifference.l1(particle, continuum) * labels.width();
    }
}
