/**
 * The diagnostics a run keeps as observers of the {@link meanfield.solvers.run.Driver}: mass per
 * group, the minimum of a density, limits whose crossing stops a run, the mass near a truncated
 * boundary. Each works on a named field of the result layout, so any discretization can use it.
 */
package meanfield.solvers.diagnostics;
