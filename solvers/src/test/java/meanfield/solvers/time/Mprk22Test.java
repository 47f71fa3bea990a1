package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class Mprk22Test {
    /** Rates 1e4, 1 and 1e-2 around a cycle 0 -> 1 -> 2 -> 0: stiffness ratio 1e6. */
    private static final double[][] STIFF = {
        {-1e4, 0, 1e-2},
        {1e4, -1, 0},
        {0, 1, -1e-2}};

    /** A non-stiff linear system with every species exchanging mass. */
    private static final double[][] MIXING = {
        {-2.0, 1.0, 0.5},
        {1.5, -1.0, 0.5},
        {0.5, 0.0, -1.0}};

    @Test
    void hugeStepsOnAStiffSystemKeepTheStatePositiveAndTheMassExact() {
        Mprk22 integrator = new Mprk22(DensePds.linear(STIFF));
        double[] y = {1.0, 0.0, 0.0};
        double[] next = new double[3];
        double t = 0;
        // Forward Euler would go negative for any step above 1e-4; these steps are up to 1e9 times that.
        for (double dt : new double[] {1e-2, 1.0, 1e2, 1e5}) {
            for (int s = 0; s < 5; s++) {
                integrator.step(t, dt, y, next);
                t += dt;
                System.arraycopy(next, 0, y, 0, 3);
                for (int i = 0; i < 3; i++) {
                    assertTrue(y[i] >= 0, "species " + i + " = " + y[i] + " after a step of " + dt);
                }
                assertEquals(1.0, y[0] + y[1] + y[2], 1e-14, "mass after a step of " + dt);
            }
        }
    }

    @Test
    void secondOrderAgainstTheMatrixExponential() {
        double[] start = {0.6, 0.3, 0.1};
        double end = 1.0;
        RealMatrix flow = MatrixUtils.matrixExponential(MatrixUtils.createRealMatrix(MIXING).scalarMultiply(end));
        double[] exact = flow.operate(start);
        int[] steps = {128, 256, 512};
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double[] y = Reference.fixedSteps(new Mprk22(DensePds.linear(MIXING)), start, end, steps[i]);
            errors[i] = Reference.distance(y, exact);
        }
        for (int i = 1; i < steps.length; i++) {
            double order = Math.log(errors[i - 1] / errors[i]) / Math.log(2);
            assertEquals(2.0, order, 0.1, "observed order from " + steps[i - 1] + " to " + steps[i] + " steps (errors "
                    + errors[i - 1] + ", " + errors[i] + ")");
        }
    }
}
