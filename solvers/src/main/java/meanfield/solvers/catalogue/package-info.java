/**
 * The public problems P1–P4 of MODEL.md and the exactly solvable cases, defined once: the
 * built-in YAML files, the tests and the benchmarks all take them from here (a test checks that
 * each built-in file states the same problem).
 */
package meanfield.solvers.catalogue;
