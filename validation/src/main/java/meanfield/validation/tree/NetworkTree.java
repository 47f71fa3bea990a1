package meanfield.validation.tree;

import meanfield.validation.network.WeightMatrix;

/**
 * The tree observable of a network of N neurons with potentials V_i:
 * <pre>
 *   tau_N(T) = (1/N) sum over i_1..i_n of prod over edges (k -> l) of w_{i_k i_l} prod over m of phi_m(V_{i_m})
 *            = N^-n sum over i_1..i_n of prod over edges of N w_{i_k i_l} prod over m of phi_m(V_{i_m}),
 * </pre>
 * the second form being the Riemann sum of the continuum observable ({@link ContinuumTree}) with the
 * step kernel w_N(xi_i, xi_j) = N w_ij, so both converge to the same limit. An edge (k -> l) runs from
 * parent to child: the parent's neuron i_k is postsynaptic (row i_k of W), the child's i_l presynaptic.
 * Tuples with repeated indices count, self-loops w_ii included.
 *
 * <p>Computed by message passing, never over the N^n tuples: message_l(i) = phi_l(V_i) prod over
 * children c of sum_j w_ij message_c(j) and tau = (1/N) sum_i message_root(i). Cost
 * O(n (nnz(W) + N)) time and n N doubles.
 */
public final class NetworkTree {
    private NetworkTree() {
    }

    public static double evaluate(WeightMatrix w, double[] potentials, TreeObservable observable) {
        int n = w.n();
        if (potentials.length != n) {
            throw new IllegalArgumentException("a network of " + n + " neurons needs as many potentials, got " + potentials.length);
        }
        double[] message = new double[observable.vertices() * n];
        for (int m = 0; m < observable.vertices(); m++) {
            VertexFunction phi = observable.function(m);
            for (int i = 0; i < n; i++) {
                message[m * n + i] = phi.value(potentials[i]);
            }
        }
        return MessagePassing.rootSum(observable.shape(), n, message, w::rowProduct) / n;
    }
}
