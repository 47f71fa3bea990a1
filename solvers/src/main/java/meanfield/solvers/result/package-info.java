/**
 * The view of any result, solution or particle run alike: axes with names and units, named
 * variables with their dimensions, and the sink interface that writers and in-memory records
 * implement, fed one output time at a time as the run reaches it.
 */
package meanfield.solvers.result;
