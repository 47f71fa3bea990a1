package meanfield.solvers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void aNeuronStraddlingACellEdgeIsSplitByItsOverlaps() {
        // N = 3 on M = 2: neuron 1 covers (1/3, 2/3], half in each cell. One synapse from neuron 1 onto neuron 0.
        SynapticKernel.CellAveraged step = StepKernel.fromEntries(3, new int[] {0}, new int[] {1}, new double[] {0.6}, 2);
        double scale = 4.0 / 3;
        assertEquals(scale * 0.6 * 0.5, step.value(0, 0), 1e-15);
        assertEquals(scale * 0.6 * 0.5, step.value(0, 1), 1e-15);
        assertEquals(0.0, step.value(1, 0), 0.0);
        assertEquals(0.0, step.value(1, 1), 0.0);
    }

    @Test
    void theStepKernelKeepsTheIntegralOfTheNetworkKernelForAnyCellCount() {
        // int int w_N = (1/N) sum_ij w_ij, and the cell averages integrate to (1/M^2) sum_kl w_kl.
        int n = 7;
        int[] rows = {0, 1, 2, 3, 4, 5, 6, 6};
        int[] cols = {6, 0, 5, 3, 1, 2, 0, 4};
        double[] w = {0.3, -0.2, 0.7, 0.1, 0.4, 0.25, 0.9, -0.6};
        double total = 0;
        for (double x : w) {
            total += x;
        }
        for (int cells : new int[] {1, 2, 3, 5, 7, 10}) {
            double[] values = StepKernel.fromEntries(n, rows, cols, w, cells).values();
            double sum = 0;
            for (double x : values) {
                sum += x;
            }
            assertEquals(total / n, sum / ((double) cells * cells), 1e-14, "cells " + cells);
        }
    }
}
