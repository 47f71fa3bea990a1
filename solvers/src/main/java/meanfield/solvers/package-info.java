/**
 * The mathematics of the suite: models as data ({@code model}), discretizations that turn a
 * model and grids into semi-discrete systems ({@code nif}, {@code topo}, {@code mv}), the run
 * pipeline ({@code run}, {@code diagnostics}, {@code result}), time integrators ({@code time}), the
 * public problems ({@code catalogue}) and the column-parallel executor. Nothing here reads or writes files.
 */
package meanfield.solvers;
