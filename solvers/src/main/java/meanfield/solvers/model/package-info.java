/**
 * The equations as plain data: drift, firing rate or hard threshold, synaptic kernel and
 * initial density of the NIF limit (MODEL.md section 1). No grids, no numerics.
 */
package meanfield.solvers.model;
