package meanfield.solvers.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GainProductTest {

    @Test
    void matchesTheTripleLoopForBlocksAndCellCountsOfEveryRemainder() {
        SplittableRandom random = new SplittableRandom(3);
        for (int cells : new int[] {1, 5, 8, 30, 131}) {
            for (int rows : new int[] {1, 7, 40}) {
                int nvel = 3;
                double[][] columns = new double[cells][rows + 2];
                double[] f = new double[cells * nvel];
                for (double[] column : columns) {
                    for (int b = 0; b < column.length; b++) {
                        column[b] = random.nextDouble();
                    }
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = random.nextDouble();
                }
                double[][] product = new double[nvel][rows + 2];
                product[0][rows] = 42.0;
                GainProduct.multiply(columns, rows, f, nvel, product);
                for (int b = 0; b < rows; b++) {
                    for (int k = 0; k < nvel; k++) {
                        double sum = 0;
                        for (int j = 0; j < cells; j++) {
                            sum += columns[j][b] * f[j * nvel + k];
                        }
                        assertEquals(sum, product[k][b], 1e-14 * cells, cells + " cells, row " + b + ", velocity " + k);
                    }
                }
                assertEquals(42.0, product[0][rows], 0.0, "entries past the rows are left alone");
            }
        }
    }
}
