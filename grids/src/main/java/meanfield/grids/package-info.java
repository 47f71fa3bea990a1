/**
 * Where numbers live: uniform cell grids in v, x and the label xi, and quadrature rules and
 * cell averages on them. No physics.
 */
package meanfield.grids;
