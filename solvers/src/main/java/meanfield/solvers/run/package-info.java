/**
 * One pipeline for every discretization: the {@link meanfield.solvers.run.SemiDiscretization}
 * contract, the {@link meanfield.solvers.run.Driver} that steps it with any compatible scheme of the
 * registry, the observers (diagnostics, outputs) it feeds, and checkpoints to resume from.
 */
package meanfield.solvers.run;
