/**
 * The McKean–Vlasov baseline of MODEL.md 3 on the torus: the model as data, its Fourier
 * pseudo-spectral discretization, and the solver that runs it with Lawson RK4 in time.
 */
package meanfield.solvers.mv;
