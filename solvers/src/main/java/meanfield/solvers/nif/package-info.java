/**
 * The NIF limit (MODEL.md 1.2) on a uniform v grid per label: the Scharfetter–Gummel
 * finite-volume discretization, its diagnostics, and the solver that runs it in time.
 */
package meanfield.solvers.nif;
