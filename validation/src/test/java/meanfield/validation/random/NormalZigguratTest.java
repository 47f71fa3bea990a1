package meanfield.validation.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class NormalZigguratTest {
    @Test
    void theDrawsAreStandardNormalIncludingTheTailsAndWedges() {
        int n = 1_000_000;
        double[] draws = new double[n];
        SplitMix64 random = new SplitMix64(7);
        int beyondR = 0;
        double sumSquares = 0;
        for (int k = 0; k < n; k++) {
            draws[k] = NormalZiggurat.next(random);
            sumSquares += draws[k] * draws[k];
            beyondR += Math.abs(draws[k]) > 3.442619855899 ? 1 : 0;
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1), draws);
        assertTrue(p > 0.01, "KS p-value " + p);
        // Var of the mean of Z^2 is 2 / n.
        assertEquals(1.0, sumSquares / n, 4 * Math.sqrt(2.0 / n));
        // P(|Z| > R) = 5.76e-4: about 576 of 10^6, sd 24.
        double expected = 2 * n * new NormalDistribution(0, 1).cumulativeProbability(-3.442619855899);
        assertEquals(expected, beyondR, 4 * Math.sqrt(expected));
    }
}
