package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;

class NormTest {
    @Test
    void normsWeightByTheCellWidth() {
        ResultLayout layout = new ResultLayout(List.of(Axis.time(), new Axis("x", "1", "x", new double[] {0.125, 0.375,
            0.625, 0.875})), List.of(Variable.perOutput("rho", "1", "rho", "x")));
        double[] a = {1, 2, 3, 4};
        double[] b = {1, 1, 1, 1};
        assertEquals(0.25 * 6, Norm.L1.of(a, b, layout, "rho"), 1e-15);
        assertEquals(Math.sqrt(0.25 * 14), Norm.L2.of(a, b, layout, "rho"), 1e-15);
        assertEquals(3, Norm.MAX.of(a, b, layout, "rho"), 0.0);
    }
}
