/**
 * The McKean–Vlasov baseline of MODEL.md 3 on the torus: the model as data and its Fourier
 * pseudo-spectral semi-discretization (diffusion as the exact linear part).
 */
package meanfield.solvers.mv;
