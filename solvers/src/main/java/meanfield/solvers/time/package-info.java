/**
 * Time integrators for semi-discrete systems. Integrators live in the registry
 * {@link meanfield.solvers.time.Schemes}: most are a {@link meanfield.solvers.time.ButcherTableau}
 * on a generic engine ({@link meanfield.solvers.time.ExplicitRungeKutta}, {@link meanfield.solvers.time.Lawson}),
 * and every entry is tested against a reference solution; they are independent of the equation.
 */
package meanfield.solvers.time;
