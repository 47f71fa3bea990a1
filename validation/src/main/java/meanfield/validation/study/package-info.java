/**
 * Studies over several runs: restriction of a fine result onto a coarse one at the same points
 * (conservative for cell averages, exact at coinciding nodes), error norms, observed orders of
 * convergence fitted from refinement sequences, and the particle-versus-continuum distances (binned
 * rates, joint and position histograms against the continuum integrated over the same bins) with the
 * task list and seed statistics of a particle-number study. No files: the app runs and writes tables.
 */
package meanfield.validation.study;
