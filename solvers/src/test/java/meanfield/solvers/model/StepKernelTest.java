package meanfield.solvers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

import meanfield.grids.CellAverages;
import meanfield.grids.UniformGrid;

class StepKernelTest {
    private static final DoubleBinaryOperator W = (xi, zeta) -> 0.2 + xi * (1 - zeta) + 0.3 * Math.sin(2 * Math.PI * (xi - zeta));

    /** max |step kernel - cell averages of w| for the dense network w_ij = w(xi_i, xi_j)/N, no self-loops. */
    private static double distanceOfDenseNetwork(int n, int cells) {
        int entries = n * (n - 1);
        int[] rows = new int[entries];
        int[] cols = new int[entries];
        double[] weights = new double[entries];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    rows[e] = i;
                    cols[e] = j;
                    weights[e++] = W.applyAsDouble((i + 0.5) / n, (j + 0.5) / n) / n;
                }
            }
        }
        SynapticKernel.CellAveraged step = StepKernel.fromEntries(n, rows, cols, weights, cells);
        UniformGrid labels = UniformGrid.unitInterval(cells);
        double[] exact = CellAverages.of(W, labels, labels, 4);
        double max = 0;
        for (int i = 0; i < exact.length; i++) {
            max = Math.max(max, Math.abs(step.values()[i] - exact[i]));
        }
        return max;
    }

    @Test
    void stepKernelOfADenseNetworkSampledFromWConvergesToTheCellAveragesOfW() {
        double coarse = distanceOfDenseNetwork(64, 8);
        double fine = distanceOfDenseNetwork(256, 8);
        // The missing self-loops cost O(M/N) on diagonal cells; the midpoint sampling O(1/N^2).
        assertTrue(fine < 0.02, "distance " + fine);
        assertTrue(coarse / fine > 3.5, "distances " + coarse + ", " + fine);
    }

    @Test
    void rowsOfTheWeightMatrixBecomeRowsOfTheKernel() {
        // One synapse from neuron 5 (cell 2) onto neuron 0 (cell 0) in a network of 8 on 4 cells.
        SynapticKernel.CellAveraged step = StepKernel.fromEntries(8, new int[] {0}, new int[] {5}, new double[] {0.5}, 4);
        assertEquals(0.5 * 16 / 8, step.value(0, 2), 0.0);
        assertEquals(0.0, step.value(2, 0), 0.0);
    }

    @Test
    void aNetworkThatDoesNotSplitIntoTheLabelCellsIsRejected() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> StepKernel.fromEntries(10, new int[0], new int[0], new double[0], 4));
        assertEquals(InvalidModelException.Part.KERNEL, e.part());
    }
}
