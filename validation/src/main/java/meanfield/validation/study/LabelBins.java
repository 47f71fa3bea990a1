package meanfield.validation.study;

/**
 * The label bins of a NIF comparison: bins equal bins of [0, 1], neuron i (0-based, label
 * (i + 1/2)/N) in bin floor(label x bins) as the simulator bins its rates, and the share of each
 * continuum label cell in each bin, so that f(t, v, xi) per label cell becomes f per bin:
 * f_B(v) = (1/|B|) int_B f(v, xi) dxi.
 */
public final class LabelBins {
    private final int bins;

    public LabelBins(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("at least one label bin, got " + bins);
        }
        this.bins = bins;
    }

    public int bins() {
        return bins;
    }

    public double width() {
        return 1.0 / bins;
    }

    /** The bin of neuron i of n. */
    public int of(int i, int n) {
        return (int) ((i + 0.5) / n * bins);
    }

    /** f_B on the v cells for every bin, [bin * vCells + k], from f on label cells x v cells (row-major). */
    public double[] perBin(double[] density, int labelCells) {
        int vCells = density.length / labelCells;
        double[] edges = new double[bins + 1];
        double[] cellEdges = new double[labelCells + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = (double) b / bins;
        }
        for (int c = 0; c <= labelCells; c++) {
            cellEdges[c] = (double) c / labelCells;
        }
        double[][] fraction = IntervalOverlap.fractions(edges, cellEdges);
        double[] out = new double[bins * vCells];
        for (int b = 0; b < bins; b++) {
            for (int c = 0; c < labelCells; c++) {
                // Cell c's mass in bin b, over the bin's width: the label average.
                double w = fraction[b][c] / labelCells * bins;
                if (w == 0) {
                    continue;
                }
                for (int k = 0; k < vCells; k++) {
                    out[b * vCells + k] += w * density[c * vCells + k];
                }
            }
        }
        return out;
    }
}
