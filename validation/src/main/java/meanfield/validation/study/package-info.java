/**
 * Studies over several runs: restriction of a fine result onto a coarse one at the same points
 * (conservative for cell averages, exact at coinciding nodes), error norms, and observed orders of
 * convergence fitted from refinement sequences. No files: the app runs the levels and writes tables.
 */
package meanfield.validation.study;
