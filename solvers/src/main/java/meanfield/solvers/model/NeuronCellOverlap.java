package meanfield.solvers.model;

/**
 * How the label intervals of N neurons lie over the M cells of a label grid: neuron i (0-based)
 * covers (i/N, (i+1)/N] and cell k covers (k/M, (k+1)/M]; share(i, k) = N |I_i cap C_k| is the
 * fraction of neuron i's interval inside cell k (the shares of a neuron sum to 1). When M divides N
 * every neuron lies in one cell; otherwise a neuron straddling a cell edge is split between its
 * cells, which is what lets a network of any size be put on any label grid (MODEL.md 1.2).
 * Lengths are computed in integers (|I_i cap C_k| = overlap of [iM, (i+1)M] and [kN, (k+1)N] over NM),
 * so a share is exact up to one rounding and shares that should be 1 are exactly 1.
 */
public final class NeuronCellOverlap {
    private final int cells;
    /** The pieces of neuron i are start[i]..start[i+1]-1. */
    private final int[] start;
    private final int[] cell;
    private final double[] share;

    private NeuronCellOverlap(int cells, int[] start, int[] cell, double[] share) {
        this.cells = cells;
        this.start = start;
        this.cell = cell;
        this.share = share;
    }

    public static NeuronCellOverlap of(int n, int cells) {
        if (n < 1 || cells < 1) {
            throw new IllegalArgumentException("neurons and cells must be positive, got " + n + " and " + cells);
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + (int) (last(i, n, cells) - first(i, n, cells) + 1);
        }
        int[] cell = new int[start[n]];
        double[] share = new double[start[n]];
        for (int i = 0; i < n; i++) {
            long lo = (long) i * cells;
            long hi = lo + cells;
            int p = start[i];
            for (long k = first(i, n, cells); k <= last(i, n, cells); k++, p++) {
                long overlap = Math.min(hi, (k + 1) * n) - Math.max(lo, k * n);
                cell[p] = (int) k;
                share[p] = (double) overlap / cells;
            }
        }
        return new NeuronCellOverlap(cells, start, cell, share);
    }

    /** The first cell neuron i reaches: floor(iM / N). */
    private static long first(int i, int n, int cells) {
        return (long) i * cells / n;
    }

    /** The last cell neuron i reaches: ceil((i+1)M / N) - 1. */
    private static long last(int i, int n, int cells) {
        return ((long) (i + 1) * cells + n - 1) / n - 1;
    }

    public int cells() {
        return cells;
    }

    public int neurons() {
        return start.length - 1;
    }

    /** The index of neuron i's first piece; its pieces run to {@link #end(int)}. */
    public int begin(int i) {
        return start[i];
    }

    public int end(int i) {
        return start[i + 1];
    }

    public int cell(int piece) {
        return cell[piece];
    }

    public double share(int piece) {
        return share[piece];
    }
}
