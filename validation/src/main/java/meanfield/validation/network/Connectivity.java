package meanfield.validation.network;

/** How a network is drawn from a kernel w(xi, zeta) (the {@code particles.connectivity} key). */
public sealed interface Connectivity permits Connectivity.Dense, Connectivity.ErdosRenyi, Connectivity.FixedInDegree,
        Connectivity.NearestLabels {

    /** w_ij = w(xi_i, xi_j) / N for every i != j. */
    record Dense() implements Connectivity {
    }

    /** Each ordered pair i != j is an edge with probability p = d / N, with weight w(xi_i, xi_j) / d. */
    record ErdosRenyi(double meanInDegree) implements Connectivity {
    }

    /** Each neuron draws d distinct presynaptic partners j != i, each with weight w(xi_i, xi_j) / d. */
    record FixedInDegree(int inDegree) implements Connectivity {
    }

    /**
     * For a measure kernel w(xi, d zeta) = sum_k a_k(xi) delta(zeta - T_k(xi)), which has no value at a
     * pair of labels to sample: neuron i receives, for each atom k, from the d neurons j != i whose
     * labels lie nearest T_k(xi_i) on the label circle, each with weight a_k(xi_i) / d. Deterministic.
     */
    record NearestLabels(int degree) implements Connectivity {
    }
}
