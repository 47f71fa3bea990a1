package meanfield.validation.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The laws of the random families at fixed seeds: Erdős–Rényi (each ordered pair i != j an edge
 * with probability p = d / N) and fixed in-degree (d distinct uniform partners j != i per row),
 * each edge weighted w(xi_i, xi_j) / d. Tolerances are a few standard errors of the statistic.
 */
class RandomNetworkStatisticsTest {
    /** Asymmetric, so that a transposition shows. */
    private static final DoubleBinaryOperator W = (xi, zeta) -> 0.2 + xi * (1 - zeta) + 0.3 * Math.sin(2 * Math.PI * (xi - zeta));

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }

    @Test
    void erdosRenyiInAndOutDegreesAreBinomialWithMeanDAndVarianceDTimesOneMinusP() {
        int n = 6000;
        double d = 150;
        WeightMatrix m = WeightMatrix.erdosRenyi(n, d, W, 21, 2);
        double p = d / n;
        double[] in = new double[n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = m.inDegree(i);
            out[i] = m.outDegree(i);
        }
        // Each degree is Binomial(N - 1, p): mean (N - 1) p, variance (N - 1) p (1 - p).
        double expectedMean = (n - 1) * p;
        double expectedVariance = (n - 1) * p * (1 - p);
        double meanError = Math.sqrt(expectedVariance / n);
        // The sample variance of N near-normal values has relative standard error sqrt(2 / (N - 1)).
        double varianceError = expectedVariance * Math.sqrt(2.0 / (n - 1));
        assertEquals(expectedMean, mean(in), 4 * meanError, "mean in-degree");
        assertEquals(expectedMean, mean(out), 4 * meanError, "mean out-degree");
        assertEquals(expectedVariance, variance(in), 4 * varianceError, "in-degree variance");
        assertEquals(expectedVariance, variance(out), 4 * varianceError, "out-degree variance");
    }

    @Test
    void erdosRenyiTargetsAreUniformOverTheOtherNeurons() {
        // Every neuron i != j is a target of j with the same probability: the offsets i - j - 1 mod N,
        // over the N - 1 candidates, binned, fill the bins evenly (chi-square with bins - 1 degrees).
        int n = 3000;
        int bins = 30;
        WeightMatrix m = WeightMatrix.erdosRenyi(n, 80, W, 5, 1);
        double chiSquare = candidateChiSquare(n, bins, j -> m.outputs(j));
        assertEquals(bins - 1, chiSquare, 5 * Math.sqrt(2.0 * (bins - 1)), "chi-square of the target offsets");
    }

    @Test
    void erdosRenyiWeightsAreWOfPostsynapticAndPresynapticLabelsOverDWithoutSelfLoops() {
        int n = 700;
        double d = 35;
        WeightMatrix m = WeightMatrix.erdosRenyi(n, d, W, 8, 2);
        for (int i = 0; i < n; i++) {
            int[] inputs = m.inputs(i);
            for (int k = 0; k < inputs.length; k++) {
                int j = inputs[k];
                assertTrue(j != i && (k == 0 || j > inputs[k - 1]), "row " + i + ": inputs distinct, ascending, no self-loop");
                float expected = (float) (W.applyAsDouble(WeightMatrix.label(i, n), WeightMatrix.label(j, n)) / d);
                assertEquals(expected, m.weight(i, j), 0.0, "w_" + i + "," + j);
            }
        }
    }

    @Test
    void fixedInDegreeColumnsAreUniform() {
        int n = 3000;
        int d = 40;
        WeightMatrix m = WeightMatrix.fixedInDegree(n, d, W, 13, 2);
        // Row i picks each j != i with probability d / (N - 1), so every column's count (the out-degree)
        // has mean d and variance d (1 - d / (N - 1)): the sum of squared standardized deviations over
        // the N columns is near N - 1 (chi-square; the counts sum to N d exactly, one constraint).
        double columnVariance = d * (1 - d / (n - 1.0));
        double chiSquare = 0;
        for (int j = 0; j < n; j++) {
            double deviation = m.outDegree(j) - d;
            chiSquare += deviation * deviation / columnVariance;
        }
        assertEquals(n - 1, chiSquare, 5 * Math.sqrt(2.0 * (n - 1)), "chi-square of the column counts");
        // And within rows: the partners' offsets j - i - 1 mod N over the N - 1 candidates are uniform.
        int bins = 30;
        double offsets = candidateChiSquare(n, bins, i -> m.inputs(i));
        assertEquals(bins - 1, offsets, 5 * Math.sqrt(2.0 * (bins - 1)), "chi-square of the partner offsets");
    }

    @Test
    void fixedInDegreeWeightsAreWOfPostsynapticAndPresynapticLabelsOverD() {
        int n = 400;
        int d = 25;
        WeightMatrix m = WeightMatrix.fixedInDegree(n, d, W, 4, 1);
        for (int j = 0; j < n; j++) {
            int[] targets = m.outputs(j);
            float[] weights = m.outputWeights(j);
            for (int k = 0; k < targets.length; k++) {
                int i = targets[k];
                float expected = (float) (W.applyAsDouble(WeightMatrix.label(i, n), WeightMatrix.label(j, n)) / d);
                assertEquals(expected, weights[k], 0.0, "w_" + i + "," + j + " on the outgoing list");
            }
        }
    }

    /**
     * Chi-square of the offsets (other - list - 1) mod N, in [0, N - 1), of every list's members,
     * in equal bins over the N - 1 candidates other than the list's own neuron.
     */
    private static double candidateChiSquare(int n, int bins, java.util.function.IntFunction<int[]> members) {
        long[] count = new long[bins];
        long total = 0;
        for (int r = 0; r < n; r++) {
            for (int other : members.apply(r)) {
                int offset = Math.floorMod(other - r - 1, n);
                count[(int) ((long) offset * bins / (n - 1))]++;
                total++;
            }
        }
        double chiSquare = 0;
        for (int b = 0; b < bins; b++) {
            // Bin b holds the offsets k with floor(k bins / (N - 1)) = b.
            long size = ceilDiv((long) (b + 1) * (n - 1), bins) - ceilDiv((long) b * (n - 1), bins);
            double expected = (double) total * size / (n - 1);
            chiSquare += (count[b] - expected) * (count[b] - expected) / expected;
        }
        return chiSquare;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Test
    void aFixedInDegreeRowHasExactlyDPartners() {
        WeightMatrix m = WeightMatrix.fixedInDegree(1200, 17, W, 2, 2);
        int[] degrees = new int[1200];
        int[] expected = new int[1200];
        for (int i = 0; i < 1200; i++) {
            degrees[i] = m.inDegree(i);
            expected[i] = 17;
        }
        assertArrayEquals(expected, degrees);
        assertEquals(1200 * 17, m.synapses());
    }
}
