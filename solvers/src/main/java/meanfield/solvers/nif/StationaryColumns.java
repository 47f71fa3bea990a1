package meanfield.solvers.nif;

import meanfield.grids.UniformGrid;

/**
 * A NIF discretization seen label by label, as the stationary solver and the stability analysis
 * need it: for label l at synaptic input j, the operator K_l(j) of d/dt (W f) = K_l(j) f (columns
 * summing to zero: mass is kept), its derivative in j, the rate functional r = g(j) . f and its
 * derivative, the quadrature weights W, and the label coupling J = C r. The spectral elements and
 * the finite volumes both offer it.
 */
public interface StationaryColumns {
    UniformGrid labelGrid();

    /** Unknowns per label. */
    int columnSize();

    /** Points per label of the density as output (a threshold node adds one to the spectral unknowns). */
    int pointsPerLabel();

    /** The v coordinates of the output points: nodes or cell centres. */
    double[] vPoints();

    /** The quadrature weights of a label's unknowns (a copy). */
    double[] weights();

    /** J = C r: the dense label coupling, row-major (shared, do not modify). */
    double[] coupling();

    /** K_l at time t and input j, m x m row-major, not divided by the weights. */
    void assemble(int l, double t, double j, double[] out);

    /** dK_l/dJ at input j. */
    void assembleInputDerivative(int l, double j, double[] out);

    /** g with r = g . f for label l at time t and input j. */
    void rateFunctional(int l, double t, double j, double[] out);

    /** dg/dJ at input j. */
    void rateFunctionalInputDerivative(int l, double j, double[] out);

    /** Null if the discretization resolves this stationary state, else why not (for a continuation's end). */
    String unresolved(NifStationary.State state);
}
