/**
 * {@code meanfield sweep}: the cartesian product of varied problem keys (and seeds) as an explicit,
 * deterministic task list, run by the existing commands in-process, one run directory and log per
 * task, on a local pool or as a Slurm job array; restartable from the markers each task leaves, and
 * merged into one table.
 */
package meanfield.app.sweep;
