/**
 * The mathematics of the suite: models as data ({@code model}), discretizations that turn a
 * model and grids into semi-discrete systems ({@code nif}, {@code mv}), time integrators ({@code time})
 * and the column-parallel executor. Nothing here reads or writes files.
 */
package meanfield.solvers;
