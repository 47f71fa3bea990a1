/**
 * The topological kinetic equation of Degond–Pulvirenti (MODEL.md 2.2) with a finite velocity
 * set on the torus: the Fourier spectral discretization (1D, 2D) and the finite volumes with exact
 * discrete ranks (1D to 3D), both semi-discretizations with the same fields.
 */
package meanfield.solvers.topo;
