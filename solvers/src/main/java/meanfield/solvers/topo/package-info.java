/**
 * The topological kinetic equation of Degond–Pulvirenti (MODEL.md 2.2) with a finite velocity
 * set on the torus: the finite-volume discretization with exact discrete ranks, and its runs.
 */
package meanfield.solvers.topo;
