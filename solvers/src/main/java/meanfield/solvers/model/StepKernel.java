package meanfield.solvers.model;

/**
 * The step kernel of a finite network (MODEL.md 1.2): w_N(xi, zeta) = N w_ij on the label
 * cells of neurons i and j, averaged over a grid of M cells, w_kl = (M^2 / N) sum w_ij.
 * This is what puts a particle network and a PDE run on the same kernel.
 */
public final class StepKernel {
    private StepKernel() {
    }

    /**
     * From the nonzero entries (row i = postsynaptic, column j = presynaptic, 0-based) of an
     * N x N weight matrix, on any grid of {@code cells} cells: w_kl = (M^2 / N) sum over i, j of
     * w_ij share(i, k) share(j, l), the cell average of w_N over cell k x cell l with neurons that
     * straddle a cell edge split by {@link NeuronCellOverlap}; when M divides N, the sum over the
     * neurons of cells k and l.
     */
    public static SynapticKernel.CellAveraged fromEntries(int n, int[] rows, int[] cols, double[] weights,
            int cells) {
        NeuronCellOverlap overlap = NeuronCellOverlap.of(n, cells);
        Accumulator w = new Accumulator(overlap, n);
        for (int e = 0; e < weights.length; e++) {
            w.add(rows[e], cols[e], weights[e]);
        }
        return w.kernel();
    }

    /** Sums w_ij into the cells their neurons cover: what every source of entries shares. */
    public static final class Accumulator {
        private final NeuronCellOverlap overlap;
        private final int cells;
        private final double scale;
        private final double[] w;

        public Accumulator(NeuronCellOverlap overlap, int n) {
            if (overlap.neurons() != n) {
                throw new IllegalArgumentException("an overlap of " + overlap.neurons() + " neurons for " + n);
            }
            this.overlap = overlap;
            this.cells = overlap.cells();
            this.scale = (double) cells * cells / n;
            this.w = new double[cells * cells];
        }

        /** Adds w_ij (i postsynaptic, j presynaptic). */
        public void add(int i, int j, double weight) {
            double s = scale * weight;
            for (int a = overlap.begin(i), ea = overlap.end(i); a < ea; a++) {
                int row = overlap.cell(a) * cells;
                double sa = s * overlap.share(a);
                for (int b = overlap.begin(j), eb = overlap.end(j); b < eb; b++) {
                    w[row + overlap.cell(b)] += sa * overlap.share(b);
                }
            }
        }

        public SynapticKernel.CellAveraged kernel() {
            return new SynapticKernel.CellAveraged(cells, w.clone());
        }
    }
}
