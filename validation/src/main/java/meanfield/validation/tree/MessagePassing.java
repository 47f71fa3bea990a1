package meanfield.validation.tree;

/**
 * The leaves-to-root recursion shared by the network and the continuum observables:
 * message_l(i) = phi_l(i) prod over children c of (A message_c)(i), and the sum over i of
 * message_root(i), for an edge operator A (the weights for a network, the kernel on a label grid).
 * Messages are one flat array, vertex m at [m * size, (m + 1) * size).
 */
final class MessagePassing {

    /** (A x)(i) for the vector x = values[offset, offset + size). */
    @FunctionalInterface
    interface EdgeOperator {
        double row(int i, double[] values, int offset);
    }

    private MessagePassing() {
    }

    /**
     * Folds every child into its parent and returns the sum of the root's message. On entry
     * message holds phi_m at each vertex m; on exit each vertex holds its full message. With
     * parents numbered before children (TreeShape), child c = n-1, ..., 1 is complete when it is
     * folded: its own children, numbered after it, were folded before. Cost: one application of A
     * per edge.
     */
    static double rootSum(TreeShape shape, int size, double[] message, EdgeOperator a) {
        for (int c = shape.vertices() - 1; c >= 1; c--) {
            int parent = shape.parent(c) * size;
            int child = c * size;
            for (int i = 0; i < size; i++) {
                message[parent + i] *= a.row(i, message, child);
            }
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += message[i];
        }
        return sum;
    }
}
