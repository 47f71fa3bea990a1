package meanfield.solvers.run;

/**
 * A source term s(t) added to a discretization's right-hand side, y' = F(t, y) + s(t), given in
 * the state's own representation (cell averages, Fourier coefficients): the hook through which a
 * {@link ManufacturedSolution} imposes the equation that its chosen exact solution satisfies.
 * Evaluated at every stage time, so it must not allocate.
 */
@FunctionalInterface
public interface Forcing {
    /** Writes s(t) into out, one value per state entry. */
    void source(double t, double[] out);
}
