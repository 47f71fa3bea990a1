package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IntervalOverlapTest {
    @Test
    void binsOfTwoCellsTakeEachCellWhole() {
        double[][] f = IntervalOverlap.fractions(new double[] {0, 0.5, 1}, new double[] {0, 0.25, 0.5, 0.75, 1});
        assertEquals(1.0, f[0][0], 1e-15);
        assertEquals(1.0, f[0][1], 1e-15);
        assertEquals(0.0, f[0][2], 1e-15);
        assertEquals(1.0, f[1][3], 1e-15);
    }

    @Test
    void aCellCutByABinEdgeIsSplitByLength() {
        double[][] f = IntervalOverlap.fractions(new double[] {0, 0.4, 1}, new double[] {0, 0.5, 1});
        assertEquals(0.8, f[0][0], 1e-15);
        assertEquals(0.2, f[1][0], 1e-15);
        assertEquals(1.0, f[1][1], 1e-15);
    }

    /** Fourier nodes j/n: the cell of node 0 straddles 0 and goes half to the last bin, half to the first. */
    @Test
    void aCellAroundZeroWrapsToTheLastBin() {
        double[] nodes = {0, 0.25, 0.5, 0.75};
        double[][] f = IntervalOverlap.periodicFractions(nodes, 2);
        assertEquals(0.5, f[0][0], 1e-15);
        assertEquals(0.5, f[1][0], 1e-15);
        assertEquals(1.0, f[0][1], 1e-15);
        assertEquals(0.5, f[0][2], 1e-15);
        assertEquals(0.5, f[1][2], 1e-15);
        for (int j = 0; j < nodes.length; j++) {
            assertEquals(1.0, f[0][j] + f[1][j], 1e-15, "cell " + j);
        }
    }
}
