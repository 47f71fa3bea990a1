package meanfield.validation.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import meanfield.solvers.model.SynapticKernel;
import meanfield.validation.network.WeightMatrix;

/**
 * The kernel w(xi, zeta) = a + b cos 2pi(xi - zeta) + s sin 2pi(xi - zeta), asymmetric through s, and the
 * label profiles p_m(xi) = 1 + c_m cos 2pi xi + d_m sin 2pi xi. With X = 2pi xi, the integral operator
 * (K g)(xi) = int w(xi, zeta) g(zeta) dzeta maps g to
 *   a G0 + (b C - s S) cos X + (b S + s C) sin X,  G0 = int g, C = int g cos 2pi zeta, S = int g sin 2pi zeta,
 * so K p_m = a + A_m cos X + B_m sin X with A_m = (b c_m - s d_m)/2, B_m = (b d_m + s c_m)/2, and
 * int cos^2 = int sin^2 = 1/2 while every other product of up to three of cos, sin has integral 0.
 */
class ContinuumTreeTest {
    private static final double A = 0.4;
    private static final double B = 0.9;
    private static final double[] C = {0.5, -0.3, 0.8};
    private static final double[] D = {0.2, 0.7, 0.4};

    private static double kernelA(int m, double s) {
        return (B * C[m] - s * D[m]) / 2;
    }

    private static double kernelB(int m, double s) {
        return (B * D[m] + s * C[m]) / 2;
    }

    /** Chain 1 <- 2: int p_1 K p_2 = a + (c_1 A_2 + d_1 B_2)/2. */
    private static double chain2(double s) {
        return A + (C[0] * kernelA(1, s) + D[0] * kernelB(1, s)) / 2;
    }

    /**
     * Chain 1 <- 2 <- 3: g = p_2 K p_3 has int g = a + (c_2 A_3 + d_2 B_3)/2, C = (A_3 + a c_2)/2,
     * S = (B_3 + a d_2)/2, and tau = int p_1 K g = a int g + (c_1 (b C - s S) + d_1 (b S + s C))/2.
     */
    private static double chain3(double s) {
        double integral = A + (C[1] * kernelA(2, s) + D[1] * kernelB(2, s)) / 2;
        double cos = (kernelA(2, s) + A * C[1]) / 2;
        double sin = (kernelB(2, s) + A * D[1]) / 2;
        return A * integral + (C[0] * (B * cos - s * sin) + D[0] * (B * sin + s * cos)) / 2;
    }

    /**
     * Star with root 1 and leaves 2, 3: int p_1 (K p_2)(K p_3)
     * = a^2 + (A_2 A_3 + B_2 B_3)/2 + a c_1 (A_2 + A_3)/2 + a d_1 (B_2 + B_3)/2.
     */
    private static double star3(double s) {
        double a2 = kernelA(1, s);
        double b2 = kernelB(1, s);
        double a3 = kernelA(2, s);
        double b3 = kernelB(2, s);
        return A * A + (a2 * a3 + b2 * b3) / 2 + A * C[0] * (a2 + a3) / 2 + A * D[0] * (b2 + b3) / 2;
    }

    /**
     * The kernel and the profiles on M label cells: point values at the centres (damping 1), or cell
     * averages, which multiply the first harmonic of a profile by sigma = sin(pi/M)/(pi/M) and that of the
     * kernel by sigma^2 (one factor per variable).
     */
    private static double[] kernel(int cells, double s, boolean averaged) {
        double sigma = averaged ? Math.sin(Math.PI / cells) / (Math.PI / cells) : 1;
        double[] w = new double[cells * cells];
        for (int k = 0; k < cells; k++) {
            for (int l = 0; l < cells; l++) {
                double phase = 2 * Math.PI * (k - l) / cells;
                w[k * cells + l] = A + sigma * sigma * (B * Math.cos(phase) + s * Math.sin(phase));
            }
        }
        return w;
    }

    private static double[][] profiles(int cells, int vertices, boolean averaged) {
        double sigma = averaged ? Math.sin(Math.PI / cells) / (Math.PI / cells) : 1;
        double[][] p = new double[vertices][cells];
        for (int m = 0; m < vertices; m++) {
            for (int k = 0; k < cells; k++) {
                double x = 2 * Math.PI * (k + 0.5) / cells;
                p[m][k] = 1 + sigma * (C[m] * Math.cos(x) + D[m] * Math.sin(x));
            }
        }
        return p;
    }

    private static double error(int cells, boolean averaged, double s) {
        double chain2 = ContinuumTree.evaluate(kernel(cells, s, averaged), cells, profiles(cells, 2, averaged), TreeShape.chain(2));
        double chain3 = ContinuumTree.evaluate(kernel(cells, s, averaged), cells, profiles(cells, 3, averaged), TreeShape.chain(3));
        double star3 = ContinuumTree.evaluate(kernel(cells, s, averaged), cells, profiles(cells, 3, averaged), TreeShape.star(3));
        return Math.max(Math.abs(chain2 - chain2(s)), Math.max(Math.abs(chain3 - chain3(s)), Math.abs(star3 - star3(s))));
    }

    @Test
    void onPointValuesTheRecursionIsTheClosedFormBecauseTheMidpointRuleIsExactForLowTrigonometricPolynomials() {
        // The integrands have degree at most 3 in each label, below M = 8.
        assertEquals(0, error(8, false, 0.6), 1e-14);
        // The closed forms see the orientation: the transposed kernel (s -> -s) changes them by 0.022 to 0.12.
        assertTrue(Math.abs(chain2(0.6) - chain2(-0.6)) > 0.015);
        assertTrue(Math.abs(chain3(0.6) - chain3(-0.6)) > 0.015);
        assertTrue(Math.abs(star3(0.6) - star3(-0.6)) > 0.015);
        assertEquals(0, error(8, false, -0.6), 1e-14);
    }

    @Test
    void onCellAveragesTheRecursionConvergesToTheClosedFormAtSecondOrder() {
        double e16 = error(16, true, 0.6);
        double e32 = error(32, true, 0.6);
        double e64 = error(64, true, 0.6);
        double order1 = Math.log(e16 / e32) / Math.log(2);
        double order2 = Math.log(e32 / e64) / Math.log(2);
        assertEquals(2, order1, 0.05, "errors " + e16 + ", " + e32);
        assertEquals(2, order2, 0.05, "errors " + e32 + ", " + e64);
    }

    @Test
    void onANetworksStepKernelWithOneNeuronPerCellTheContinuumRecursionIsTheNetworkObservable() {
        // Step kernel w_kl = N w_ij and (1/M) sum_l w_kl m_l = sum_j w_ij m_j: the two recursions coincide,
        // which ties the continuum orientation to the network one through WeightMatrix.stepKernel.
        int n = 8;
        SplittableRandom random = new SplittableRandom(11);
        int[] rows = new int[n * n];
        int[] columns = new int[n * n];
        double[] values = new double[n * n];
        for (int e = 0; e < n * n; e++) {
            rows[e] = e / n;
            columns[e] = e % n;
            values[e] = (random.nextDouble() - 0.3) / n;
        }
        WeightMatrix w = WeightMatrix.fromTriplets(n, n, rows, columns, values);
        SynapticKernel.CellAveraged step = w.stepKernel(n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * random.nextDouble() - 0.5;
        }
        for (TreeShape shape : Trees.allShapes()) {
            List<VertexFunction> functions = new ArrayList<>();
            double[][] profiles = new double[shape.vertices()][n];
            for (int m = 0; m < shape.vertices(); m++) {
                double shift = 0.4 * m;
                VertexFunction phi = new VertexFunction("p" + m, x -> Math.exp(-x * x) + shift);
                functions.add(phi);
                for (int i = 0; i < n; i++) {
                    profiles[m][i] = phi.value(v[i]);
                }
            }
            double network = NetworkTree.evaluate(w, v, new TreeObservable(shape, functions));
            assertEquals(network, ContinuumTree.evaluate(step, profiles, shape), 1e-14, shape.toString());
        }
    }

    @Test
    void profilesThatDoNotMatchTheKernelAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContinuumTree.evaluate(kernel(4, 0, false), 4, profiles(5, 2, false), TreeShape.chain(2)));
        assertTrue(e.getMessage().contains("5 values for 4 label cells"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ContinuumTree.evaluate(kernel(4, 0, false), 4, profiles(4, 2, false), TreeShape.chain(3)));
        assertTrue(e.getMessage().contains("3 vertices"), e.getMessage());
    }
}
