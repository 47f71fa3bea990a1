/**
 * Problem files (PROBLEMS.md): YAML loading, --set overrides, key-checked reading with clear
 * errors, one {@link meanfield.app.problem.ModelProblem} record per model that builds its
 * discretization, and the time section every model shares.
 */
package meanfield.app.problem;
