package meanfield.validation.tree;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.SynapticKernel;

/**
 * The tree observable of the limit density f(v, xi) with kernel w(xi, zeta):
 * <pre>
 *   tau(T) = int over xi_1..xi_n of prod over edges (k -> l) of w(xi_k, xi_l) prod over m of p_m(xi_m),
 *   p_m(xi) = int phi_m(v) f(v, xi) dv,
 * </pre>
 * the edge (k -> l) from parent to child, parent label xi_k receiving from child label xi_l (as
 * w_{i_k i_l} in {@link NetworkTree}). On a grid of M label cells with the kernel's cell averages w_kl
 * (row k receiving from l) and the profiles p_m at the cells, by message passing:
 * message_l(k) = p_l(k) prod over children c of (1/M) sum_j w_kj message_c(j) and
 * tau = (1/M) sum_k message_root(k), the midpoint rule for each label integral. Cost O(n M^2).
 */
public final class ContinuumTree {
    private ContinuumTree() {
    }

    /** From the profiles profiles[m][k] of each vertex m (the root first) on the kernel's label cells. */
    public static double evaluate(SynapticKernel.CellAveraged kernel, double[][] profiles, TreeShape shape) {
        return evaluate(kernel.values(), kernel.cells(), profiles, shape);
    }

    /** With the kernel as an M x M row-major array, kernel[k * M + l] = w_kl. */
    public static double evaluate(double[] kernel, int cells, double[][] profiles, TreeShape shape) {
        if (kernel.length != cells * cells) {
            throw new IllegalArgumentException("a kernel on " + cells + " label cells needs " + cells * cells + " values, got "
                    + kernel.length);
        }
        if (profiles.length != shape.vertices()) {
            throw new IllegalArgumentException("a tree of " + shape.vertices() + " vertices needs as many label profiles, got "
                    + profiles.length);
        }
        double[] message = new double[shape.vertices() * cells];
        for (int m = 0; m < profiles.length; m++) {
            if (profiles[m].length != cells) {
                throw new IllegalArgumentException("the label profile of vertex " + (m + 1) + " has " + profiles[m].length
                        + " values for " + cells + " label cells");
            }
            System.arraycopy(profiles[m], 0, message, m * cells, cells);
        }
        double quadrature = 1.0 / cells;
        MessagePassing.EdgeOperator integral = (k, x, offset) -> {
            double sum = 0;
            for (int l = 0, row = k * cells; l < cells; l++) {
                sum += kernel[row + l] * x[offset + l];
            }
            return quadrature * sum;
        };
        return MessagePassing.rootSum(shape, cells, message, integral) * quadrature;
    }

    /** From a NIF finite-volume density (label-major, one label per kernel cell) on the v grid. */
    public static double evaluate(SynapticKernel.CellAveraged kernel, TreeObservable observable, double[] density, UniformGrid v) {
        return evaluate(kernel, LabelProfile.of(density, kernel.cells(), v, observable), observable.shape());
    }
}
