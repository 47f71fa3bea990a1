package meanfield.validation.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.SynapticKernel;

/**
 * Label l has the uniform density 1 on [l/2, l/2 + 1), four labels on the v grid [-1, 3] with h = 1/2,
 * whose faces fall on the interval ends: masses 1, means 0.5, 1, 1.5, 2, and the mass in [0, 1) is
 * 1, 1/2, 0, 0. The midpoint rule is exact for these.
 */
class LabelProfileTest {
    private static final int LABELS = 4;
    private static final UniformGrid V = new UniformGrid(-1, 3, 8);

    private static double[] density() {
        double[] f = new double[LABELS * V.cells()];
        for (int l = 0; l < LABELS; l++) {
            for (int k = 0; k < V.cells(); k++) {
                double centre = V.center(k);
                f[l * V.cells() + k] = centre >= 0.5 * l && centre < 0.5 * l + 1 ? 1 : 0;
            }
        }
        return f;
    }

    @Test
    void profilesAreTheMidpointIntegralsOfPhiAgainstEachLabelsDensity() {
        assertArrayEquals(new double[] {1, 1, 1, 1}, LabelProfile.of(density(), LABELS, V, v -> 1), 1e-15);
        assertArrayEquals(new double[] {0.5, 1, 1.5, 2}, LabelProfile.of(density(), LABELS, V, v -> v), 1e-15);
        assertArrayEquals(new double[] {1, 0.5, 0, 0},
                LabelProfile.of(density(), LABELS, V, VertexFunction.indicator(0, 1).phi()), 1e-15);
    }

    @Test
    void theContinuumObservableOfADensityUsesEachVertexsProfile() {
        // w_kl = M when l = k + 1 (mod M): label k receives from label k + 1 only, so (1/M) sum_l w_kl g_l = g_{k+1}.
        double[] w = new double[LABELS * LABELS];
        for (int k = 0; k < LABELS; k++) {
            w[k * LABELS + (k + 1) % LABELS] = LABELS;
        }
        SynapticKernel.CellAveraged kernel = new SynapticKernel.CellAveraged(LABELS, w);
        // Root ind[0,1] (1, 1/2, 0, 0) times the child's mean at k + 1 (1, 1.5, 2, 0.5): (1 + 0.75) / 4.
        // The transposed kernel would take the mean at k - 1 (2, 0.5, 1, 1.5): (2 + 0.25) / 4 = 0.5625.
        TreeObservable observable = TreeSpec.parse("chain:ind[0,1],v", v -> 0);
        assertEquals(0.4375, ContinuumTree.evaluate(kernel, observable, density(), V), 1e-15);
    }

    @Test
    void aDensityOfTheWrongSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelProfile.of(new double[LABELS * V.cells() - 1], LABELS, V, v -> 1));
        assertTrue(e.getMessage().contains("has 32 values, got 31"), e.getMessage());
    }
}
