/**
 * Parallel execution over independent columns (labels, velocities, particle blocks) in fixed
 * contiguous chunks, so that every result is independent of the number of threads.
 */
package meanfield.solvers.parallel;
