/**
 * Time integrators for semi-discrete systems and the loop that drives them: step-size
 * control, output times and observers. Integrators are independent of the equation.
 */
package meanfield.solvers.time;
