package meanfield.validation.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.StepKernel;
import meanfield.solvers.model.SynapticKernel;

class WeightMatrixTest {
    /** Asymmetric, so that a transposition shows. */
    private static final DoubleBinaryOperator W = (xi, zeta) -> 0.2 + xi * (1 - zeta) + 0.3 * Math.sin(2 * Math.PI * (xi - zeta));

    private static double denseRowSum(int i, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                sum += W.applyAsDouble(WeightMatrix.label(i, n), WeightMatrix.label(j, n)) / n;
            }
        }
        return sum;
    }

    private static double rowSum(WeightMatrix m, int i) {
        double sum = 0;
        for (int j : m.inputs(i)) {
            sum += m.weight(i, j);
        }
        return sum;
    }

    @Test
    void aDenseNetworkHoldsWOfPostsynapticAndPresynapticLabelsOverNWithoutSelfLoops() {
        int n = 10;
        WeightMatrix m = WeightMatrix.dense(n, W, 2);
        assertEquals(n * (n - 1), m.synapses());
        assertEquals(0.0, m.weight(3, 3), 0.0);
        double xi0 = WeightMatrix.label(0, n);
        double xi9 = WeightMatrix.label(9, n);
        assertEquals((float) (W.applyAsDouble(xi0, xi9) / n), m.weight(0, 9), 0.0);
        assertEquals((float) (W.applyAsDouble(xi9, xi0) / n), m.weight(9, 0), 0.0);
    }

    @Test
    void erdosRenyiHasMeanInDegreeDAndTheRowSumsOfTheDenseNetworkInMean() {
        int n = 4000;
        double d = 200;
        WeightMatrix m = WeightMatrix.erdosRenyi(n, d, W, 7, 2);
        // E[in-degree] = d (N - 1) / N; the mean over N rows has standard deviation sqrt(d (1 - p) / N) = 0.22.
        assertEquals(d * (n - 1) / n, m.scaling().meanInDegree(), 1.0);
        double p = d / n;
        double meanDifference = 0;
        double squaredDifference = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double difference = rowSum(m, i) - denseRowSum(i, n);
            meanDifference += difference / n;
            squaredDifference += difference * difference / n;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double w = W.applyAsDouble(WeightMatrix.label(i, n), WeightMatrix.label(j, n));
                    // Var of w / (p N) times a Bernoulli(p), summed over the row and averaged over rows.
                    variance += w * w * (1 - p) / (p * n * n) / n;
                }
            }
        }
        assertEquals(0.0, meanDifference, 5 * Math.sqrt(variance / n), "mean row-sum difference");
        // The fluctuations of the row sums have the size the 1 / (p N) scaling predicts (4000 rows: a few per cent).
        assertEquals(1.0, Math.sqrt(squaredDifference / variance), 0.08, "rms over predicted row-sum fluctuation");
    }

    @Test
    void aRandomGraphAndItsTransposeDependOnTheSeedAndNotOnTheThreadCount() {
        // More than two tiles of the transpose and several random streams, so that threads split both.
        int n = 9000;
        WeightMatrix one = WeightMatrix.erdosRenyi(n, 30, W, 11, 1);
        WeightMatrix two = WeightMatrix.erdosRenyi(n, 30, W, 11, 2);
        WeightMatrix three = WeightMatrix.erdosRenyi(n, 30, W, 11, 3);
        WeightMatrix otherSeed = WeightMatrix.erdosRenyi(n, 30, W, 12, 1);
        WeightMatrix fixedOne = WeightMatrix.fixedInDegree(n, 30, W, 11, 1);
        WeightMatrix fixedTwo = WeightMatrix.fixedInDegree(n, 30, W, 11, 2);
        boolean differs = false;
        for (int k = 0; k < n; k++) {
            // Both orientations, indices and weights, bit for bit.
            for (WeightMatrix other : new WeightMatrix[] {two, three}) {
                assertArrayEquals(one.outputs(k), other.outputs(k), "outgoing list " + k);
                assertArrayEquals(one.outputWeights(k), other.outputWeights(k), 0f, "outgoing weights " + k);
                assertArrayEquals(one.inputs(k), other.inputs(k), "row " + k);
            }
            assertArrayEquals(fixedOne.inputs(k), fixedTwo.inputs(k), "row " + k);
            assertArrayEquals(fixedOne.outputs(k), fixedTwo.outputs(k), "outgoing list " + k);
            assertArrayEquals(fixedOne.outputWeights(k), fixedTwo.outputWeights(k), 0f, "outgoing weights " + k);
            differs |= !java.util.Arrays.equals(one.outputs(k), otherSeed.outputs(k));
        }
        assertTrue(differs, "another seed draws another graph");
        int[] spiking = java.util.stream.IntStream.range(0, n).filter(j -> j % 7 == 0).toArray();
        double[] fromOne = new double[n];
        double[] fromTwo = new double[n];
        one.deliverSpikes(spiking, spiking.length, fromOne, 0, n);
        two.deliverSpikes(spiking, spiking.length, fromTwo, 0, n);
        assertArrayEquals(fromOne, fromTwo, 0.0);
    }

    @Test
    void erdosRenyiDrawnInOnePassIsTheNetworkThatCountingFirstDraws() {
        // Regions with their normal slack, regions so small that every block overflows (the fallback),
        // and the two-pass draw itself: one network, for one and two threads.
        int n = 5000;
        WeightMatrix counted = WeightMatrix.erdosRenyiCounted(n, 45, W, 17, 1);
        WeightMatrix[] others = {WeightMatrix.erdosRenyi(n, 45, W, 17, 1), WeightMatrix.erdosRenyi(n, 45, W, 17, 2),
            WeightMatrix.erdosRenyi(n, 45, W, 17, 2, -50), WeightMatrix.erdosRenyiCounted(n, 45, W, 17, 2)};
        for (WeightMatrix other : others) {
            assertEquals(counted.synapses(), other.synapses());
            for (int j = 0; j < n; j++) {
                assertArrayEquals(counted.outputs(j), other.outputs(j), "outgoing list " + j);
                assertArrayEquals(counted.outputWeights(j), other.outputWeights(j), 0f, "outgoing weights " + j);
            }
        }
    }

    @Test
    void anErdosRenyiNetworkBuildsItsRowsOnlyWhenTheyAreRead() {
        int n = 300;
        WeightMatrix m = WeightMatrix.erdosRenyi(n, 20, W, 4, 2);
        long drawn = m.bytes();
        // A simulation's calls, and the scaling and step kernel, read the outgoing lists alone.
        m.deliverSpikes(new int[] {0, 5}, 2, new double[n], 0, n);
        WeightMatrix.Scaling scaling = m.scaling();
        m.stepKernel(4);
        assertEquals(drawn, m.bytes());
        m.inputs(0);
        // The rows: N + 1 offsets, and an int index and a float weight per synapse.
        assertEquals(drawn + 4L * (n + 1) + 8L * m.synapses(), m.bytes());
        // The scaling gathered from the outgoing lists is the one the rows give.
        double maxRowSum = 0;
        double maxWeight = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j : m.inputs(i)) {
                sum += Math.abs(m.weight(i, j));
                maxWeight = Math.max(maxWeight, Math.abs(m.weight(i, j)));
            }
            maxRowSum = Math.max(maxRowSum, sum);
        }
        assertEquals(maxRowSum, scaling.maxRowSum(), 0.0);
        assertEquals(maxWeight, scaling.maxWeight(), 0.0);
    }

    @Test
    void fixedInDegreeGivesEveryNeuronDDistinctPartnersOtherThanItself() {
        int n = 500;
        int d = 499;
        WeightMatrix full = WeightMatrix.fixedInDegree(n, d, W, 3, 2);
        WeightMatrix sparse = WeightMatrix.fixedInDegree(n, 20, W, 3, 2);
        for (int i = 0; i < n; i++) {
            assertEquals(d, full.inDegree(i));
            assertEquals(0.0, full.weight(i, i), 0.0);
            int[] inputs = sparse.inputs(i);
            assertEquals(20, inputs.length);
            for (int k = 0; k < inputs.length; k++) {
                assertTrue(inputs[k] != i && (k == 0 || inputs[k] > inputs[k - 1]), "row " + i + " inputs distinct, sorted");
                double xi = WeightMatrix.label(i, n);
                assertEquals((float) (W.applyAsDouble(xi, WeightMatrix.label(inputs[k], n)) / 20), sparse.weight(i, inputs[k]), 0.0);
            }
        }
    }

    @Test
    void theOutgoingEdgesAreTheTransposeOfTheRows() {
        // Erdős–Rényi rows are built from the drawn outgoing lists; fixed in-degree goes the other way.
        assertOutgoingEdgesTransposeTheRows(WeightMatrix.erdosRenyi(60, 12, W, 5, 1), 60);
        assertOutgoingEdgesTransposeTheRows(WeightMatrix.fixedInDegree(60, 12, W, 5, 1), 60);
        // Several tiles of the transpose: every outgoing edge is in its row with the same weight, and
        // the rows hold nothing else.
        int n = 9000;
        WeightMatrix m = WeightMatrix.erdosRenyi(n, 25, W, 3, 2);
        long inRows = 0;
        for (int j = 0; j < n; j++) {
            int[] targets = m.outputs(j);
            float[] weights = m.outputWeights(j);
            for (int k = 0; k < targets.length; k++) {
                assertEquals(weights[k], m.weight(targets[k], j), 0.0, "w_" + targets[k] + "," + j);
            }
            inRows += m.inDegree(j);
        }
        assertEquals(m.synapses(), inRows);
    }

    @Test
    void aDenseNetworksOutgoingEdgesBuiltDirectlyAreTheTransposeOfItsRows() {
        // Built in transposed order rather than by transposing: for any thread count, bit for bit.
        assertOutgoingEdgesTransposeTheRows(WeightMatrix.dense(37, W, 1), 37);
        assertOutgoingEdgesTransposeTheRows(WeightMatrix.dense(37, W, 2), 37);
    }

    private static void assertOutgoingEdgesTransposeTheRows(WeightMatrix m, int n) {
        int[] spike = new int[1];
        for (int j = 0; j < n; j++) {
            spike[0] = j;
            double[] whole = new double[n];
            m.deliverSpikes(spike, 1, whole, 0, n);
            double[] pieces = new double[n];
            m.deliverSpikes(spike, 1, pieces, 0, 17);
            m.deliverSpikes(spike, 1, pieces, 17, 18);
            m.deliverSpikes(spike, 1, pieces, 18, n);
            int outDegree = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(m.weight(i, j), whole[i], 0.0, "w_" + i + "," + j);
                outDegree += m.weight(i, j) != 0 ? 1 : 0;
            }
            assertArrayEquals(whole, pieces, 0.0);
            assertEquals(outDegree, m.outDegree(j));
        }
        double[] part = new double[n];
        m.deliverSpikes(new int[] {0, 1, 2, 3}, 4, part, 20, 30);
        for (int i = 0; i < n; i++) {
            if (i < 20 || i >= 30) {
                assertEquals(0.0, part[i], 0.0, "neuron " + i + " lies outside the range delivered to");
            }
        }
    }

    @Test
    void tripletsAreSortedIntoRowsWithRepeatsSummedAndSelfLoopsKept() {
        WeightMatrix m = WeightMatrix.fromTriplets(3, 3, new int[] {2, 0, 2, 1, 2}, new int[] {0, 1, 0, 1, 1},
                new double[] {0.25, 0.5, 0.5, -1.0, 0.125});
        assertEquals(4, m.synapses());
        assertArrayEquals(new int[] {1}, m.inputs(0));
        assertArrayEquals(new int[] {1}, m.inputs(1));
        assertArrayEquals(new int[] {0, 1}, m.inputs(2));
        assertEquals(0.75, m.weight(2, 0), 0.0);
        assertEquals(-1.0, m.weight(1, 1), 0.0);
        assertEquals(0.5, m.weight(0, 1), 0.0);
        assertEquals(0.0, m.weight(1, 0), 0.0);
    }

    @Test
    void aNonSquareOrOutOfRangeMatrixIsRejectedAsAKernelError() {
        InvalidModelException square = assertThrows(InvalidModelException.class,
                () -> WeightMatrix.fromTriplets(3, 4, new int[0], new int[0], new double[0]));
        assertEquals(InvalidModelException.Part.KERNEL, square.part());
        InvalidModelException range = assertThrows(InvalidModelException.class,
                () -> WeightMatrix.fromTriplets(3, 3, new int[] {0}, new int[] {3}, new double[] {1}));
        assertTrue(range.getMessage().contains("(0, 3)"), range.getMessage());
    }

    @Test
    void theScalingReportHasTheAbsoluteRowAndColumnSumsTheLargestWeightAndTheMeanInDegree() {
        // Rows: 0 <- {1: 0.5, 2: -0.25}; 1 <- {2: 0.75}; 2 <- {}.
        WeightMatrix m = WeightMatrix.fromTriplets(3, 3, new int[] {0, 0, 1}, new int[] {1, 2, 2},
                new double[] {0.5, -0.25, 0.75});
        WeightMatrix.Scaling s = m.scaling();
        assertEquals(0.75, s.maxRowSum(), 0.0);
        assertEquals(1.0, s.maxColumnSum(), 0.0);
        assertEquals(0.75, s.maxWeight(), 0.0);
        assertEquals(1.0, s.meanInDegree(), 0.0);
    }

    // That a dense network's step kernel converges to the cell averages of w is StepKernelTest's
    // (solvers); here the network's own step kernel must be exactly that computation.
    @Test
    void theStepKernelIsWhatStepKernelFromEntriesComputes() {
        int n = 240;
        WeightMatrix m = WeightMatrix.erdosRenyi(n, 40, W, 9, 1);
        int[] rows = new int[m.synapses()];
        int[] cols = new int[m.synapses()];
        double[] weights = new double[m.synapses()];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int j : m.inputs(i)) {
                rows[e] = i;
                cols[e] = j;
                weights[e++] = m.weight(i, j);
            }
        }
        assertArrayEquals(StepKernel.fromEntries(n, rows, cols, weights, 6).values(), m.stepKernel(6).values(), 1e-12);
        // 240 neurons on 7 cells: neurons straddling cell edges are split the same way by both.
        assertArrayEquals(StepKernel.fromEntries(n, rows, cols, weights, 7).values(), m.stepKernel(7).values(), 1e-12);
    }

    @Test
    void aCellAveragedKernelIsSampledAsConstantOnItsCells() {
        // Receiving cell k, sending cell l: values[k * 2 + l].
        SynapticKernel.CellAveraged kernel = new SynapticKernel.CellAveraged(2, new double[] {1.0, 2.0, 3.0, 4.0});
        int n = 8;
        WeightMatrix m = WeightMatrix.sample(n, kernel, new Connectivity.Dense(), 1, 1);
        SynapticKernel.CellAveraged step = m.stepKernel(2);
        // Off-diagonal cells exactly; diagonal cells miss their 4 self-loops out of 16 pairs.
        assertEquals(2.0, step.value(0, 1), 1e-6);
        assertEquals(3.0, step.value(1, 0), 1e-6);
        assertEquals(1.0 * 12 / 16, step.value(0, 0), 1e-6);
        assertFalse(m.weight(0, 7) == m.weight(7, 0));
    }
}
