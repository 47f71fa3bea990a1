/**
 * Problem files (PROBLEMS.md): YAML loading, --set overrides, key-checked reading with clear
 * errors, and the translation of a problem into models, grids and time control.
 */
package meanfield.app.problem;
