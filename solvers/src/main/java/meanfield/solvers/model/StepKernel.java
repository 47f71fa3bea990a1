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
     * N x N weight matrix; N must be a multiple of {@code cells}.
     */
    public static SynapticKernel.CellAveraged fromEntries(int n, int[] rows, int[] cols, double[] weights,
            int cells) {
        if (n % cells != 0) {
            throw new InvalidModelException(InvalidModelException.Part.KERNEL, "a network of " + n + " neurons does not split evenly into "
                    + cells + " label cells");
        }
        int perCell = n / cells;
        double[] w = new double[cells * cells];
        double scale = (double) cells * cells / n;
        for (int e = 0; e < weights.length; e++) {
            w[(rows[e] / perCell) * cells + cols[e] / perCell] += scale * weights[e];
        }
        return new SynapticKernel.CellAveraged(cells, w);
    }
}
