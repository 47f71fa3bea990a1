package meanfield.validation.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class AliasTableTest {
    private static final double[] WEIGHTS = {0.5, 0, 3, 1.25, 0, 7, 0.01, 2};

    @Test
    void indicesAreDrawnInProportionToTheirWeightsAndZeroWeightsNever() {
        AliasTable table = new AliasTable(WEIGHTS);
        SplitMix64 random = new SplitMix64(11);
        int draws = 200_000;
        long[] observed = new long[WEIGHTS.length];
        for (int k = 0; k < draws; k++) {
            observed[table.sample(random)]++;
        }
        double sum = java.util.Arrays.stream(WEIGHTS).sum();
        int positive = 0;
        for (double w : WEIGHTS) {
            positive += w > 0 ? 1 : 0;
        }
        double[] expected = new double[positive];
        long[] seen = new long[positive];
        for (int k = 0, c = 0; k < WEIGHTS.length; k++) {
            if (WEIGHTS[k] == 0) {
                assertEquals(0, observed[k], "index " + k + " has weight 0");
            } else {
                expected[c] = draws * WEIGHTS[k] / sum;
                seen[c++] = observed[k];
            }
        }
        double p = new ChiSquareTest().chiSquareTest(expected, seen);
        assertTrue(p > 1e-3, "chi-squared p-value " + p);
    }
}
