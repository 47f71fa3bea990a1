package meanfield.validation.study;

import java.util.Arrays;

/**
 * The weak NIF distance at one time: W1 in v per label bin, averaged over the bins,
 * <pre>
 *   d = sum_B |B| int |F_N,B(v) - F_B(v)| dv,
 * </pre>
 * F_N,B the empirical distribution function of the potentials of the neurons in label bin B and F_B
 * that of the continuum's f_B(t, .) (piecewise linear over the v cells, normalized to 1). Computed
 * exactly from the samples ({@link CdfDistance}), not from a histogram. The continuum observable is
 * f_B's mass per v cell [B * vCells + k]; the particle observable is V_i per neuron (ordered by label).
 * Several seeds pool into one empirical measure per bin: the seed average of the empirical measures.
 */
public final class VoltageWassersteinDistance {
    private final LabelBins labels;
    private final double[] vCellEdges;

    public VoltageWassersteinDistance(LabelBins labels, double[] vCellEdges) {
        this.labels = labels;
        this.vCellEdges = vCellEdges.clone();
    }

    /** f_B's mass per v cell, normalized per bin, from f on label cells x v cells. */
    public double[] continuum(double[] density, int labelCells) {
        int vCells = vCellEdges.length - 1;
        double[] perBin = labels.perBin(density, labelCells);
        for (int b = 0; b < labels.bins(); b++) {
            double total = 0;
            for (int k = 0; k < vCells; k++) {
                perBin[b * vCells + k] *= vCellEdges[k + 1] - vCellEdges[k];
                total += perBin[b * vCells + k];
            }
            for (int k = 0; k < vCells; k++) {
                perBin[b * vCells + k] /= total;
            }
        }
        return perBin;
    }

    public double distance(double[] potentials, double[] continuum) {
        return pooled(new double[][] {potentials}, continuum);
    }

    /** d of the seeds' potentials pooled per label bin (all runs of the same N). */
    public double pooled(double[][] potentials, double[] continuum) {
        int n = potentials[0].length;
        int bins = labels.bins();
        int vCells = vCellEdges.length - 1;
        int[] start = new int[bins + 1];
        for (int i = 0; i < n; i++) {
            start[labels.of(i, n) + 1] += potentials.length;
        }
        for (int b = 0; b < bins; b++) {
            start[b + 1] += start[b];
        }
        double[] samples = new double[n * potentials.length];
        int[] next = Arrays.copyOf(start, bins);
        for (double[] v : potentials) {
            if (v.length != n) {
                throw new IllegalArgumentException("runs of " + n + " and " + v.length + " neurons");
            }
            for (int i = 0; i < n; i++) {
                samples[next[labels.of(i, n)]++] = v[i];
            }
        }
        double[] cumulative = new double[vCells + 1];
        double sum = 0;
        for (int b = 0; b < bins; b++) {
            Arrays.sort(samples, start[b], start[b + 1]);
            for (int k = 0; k < vCells; k++) {
                cumulative[k + 1] = cumulative[k] + continuum[b * vCells + k];
            }
            cumulative[vCells] = 1;
            sum += labels.width() * CdfDistance.of(samples, start[b], start[b + 1], vCellEdges, cumulative);
        }
        return sum;
    }
}
