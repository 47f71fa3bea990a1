package meanfield.validation.network;

/** How a network is drawn from a kernel w(xi, zeta) (the {@code particles.connectivity} key). */
public sealed interface Connectivity permits Connectivity.Dense, Connectivity.ErdosRenyi, Connectivity.FixedInDegree {

    /** w_ij = w(xi_i, xi_j) / N for every i != j. */
    record Dense() implements Connectivity {
    }

    /** Each ordered pair i != j is an edge with probability p = d / N, with weight w(xi_i, xi_j) / d. */
    record ErdosRenyi(double meanInDegree) implements Connectivity {
    }

    /** Each neuron draws d distinct presynaptic partners j != i, each with weight w(xi_i, xi_j) / d. */
    record FixedInDegree(int inDegree) implements Connectivity {
    }
}
