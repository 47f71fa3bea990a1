/**
 * The equations as plain data: the NIF drift, firing rate or hard threshold, synaptic kernel and
 * initial density (MODEL.md 1), the TOPO rank weight, velocity set and initial data (MODEL.md 2).
 * No grids, no numerics.
 */
package meanfield.solvers.model;
