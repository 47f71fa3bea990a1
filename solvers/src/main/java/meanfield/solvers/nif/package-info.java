/**
 * The NIF limit (MODEL.md 1.2) on a uniform v grid per label: the Scharfetter–Gummel
 * finite-volume semi-discretization (a production–destruction system), its fields and diagnostics.
 */
package meanfield.solvers.nif;
