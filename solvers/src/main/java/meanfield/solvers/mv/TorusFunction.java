package meanfield.solvers.mv;

/**
 * A real function on the torus [0,1)^d, evaluated at x with 0 <= x_a < 1 (extend it periodically
 * yourself when it is written on another cell). The array x is reused between calls: do not keep it.
 */
@FunctionalInterface
public interface TorusFunction {
    double value(double[] x);
}
