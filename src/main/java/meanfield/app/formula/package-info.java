/**
 * Formulas of problem files (PROBLEMS.md): parsed once by exp4j with the variables each
 * function may use, then evaluated safely from several threads.
 */
package meanfield.app.formula;
