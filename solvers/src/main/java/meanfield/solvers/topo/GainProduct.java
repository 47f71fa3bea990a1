package meanfield.solvers.topo;

import java.util.Arrays;

/**
 * The dense product at the heart of the finite-volume gain, G = W F, for a block of rows of W,
 * computed transposed: G^T = F^T W^T. F is the state itself (n_cells x n_vel, row-major), W^T
 * comes as one array per cell j holding W_ij for the block's rows i, and G^T as one array per
 * velocity.
 * <p>
 * Why this shape: with n_vel = 16 or 32 a loop over velocities is too short for the JIT's
 * vector instructions, so the innermost loop runs over the block's rows instead (a long,
 * contiguous axpy that C2 vectorizes), each array indexed from 0 (offsets into one flat array
 * defeat the vectorizer). Four cells j per pass load and store G once for four products.
 * Every entry is summed in the same order (cells in groups of four from 0, then the rest one
 * by one) whatever the block length, so results do not depend on how rows are split between
 * threads. On this project's machine the product runs at 15-20 GFLOP/s on one core, faster
 * than OpenBLAS's dgemm through ND4J on the same shapes (see benchmarks' GemmBenchmark).
 */
public final class GainProduct {
    private GainProduct() {
    }

    /**
     * product[k][b] = sum_j weightColumns[j][b] f[j * nvel + k] for b < rows and k < nvel, over
     * the cells j < weightColumns.length.
     */
    public static void multiply(double[][] weightColumns, int rows, double[] f, int nvel, double[][] product) {
        int cells = weightColumns.length;
        for (int k = 0; k < nvel; k++) {
            Arrays.fill(product[k], 0, rows, 0.0);
        }
        int j = 0;
        for (; j + 4 <= cells; j += 4) {
            double[] w0 = weightColumns[j];
            double[] w1 = weightColumns[j + 1];
            double[] w2 = weightColumns[j + 2];
            double[] w3 = weightColumns[j + 3];
            int base = j * nvel;
            for (int k = 0; k < nvel; k++) {
                double f0 = f[base + k];
                double f1 = f[base + nvel + k];
                double f2 = f[base + 2 * nvel + k];
                double f3 = f[base + 3 * nvel + k];
                double[] g = product[k];
                for (int b = 0; b < rows; b++) {
                    g[b] += (f0 * w0[b] + f1 * w1[b]) + (f2 * w2[b] + f3 * w3[b]);
                }
            }
        }
        for (; j < cells; j++) {
            double[] w = weightColumns[j];
            int base = j * nvel;
            for (int k = 0; k < nvel; k++) {
                double fk = f[base + k];
                double[] g = product[k];
                for (int b = 0; b < rows; b++) {
                    g[b] += fk * w[b];
                }
            }
        }
    }
}
