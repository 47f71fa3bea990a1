package meanfield.validation.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.SynapticKernel;

/**
 * The network of a measure kernel: each neuron listens, per atom, to the d neurons nearest its target
 * label (never itself) with weight a/d, so its input from a smooth rate profile tends to
 * J(xi) = sum_k a_k(xi) r(T_k(xi)) while the largest weight max|a|/d vanishes.
 */
class NearestLabelsNetworkTest {
    private static SynapticKernel.Measure measure(SynapticKernel.Atom... atoms) {
        return new SynapticKernel.Measure(List.of(atoms));
    }

    private static SynapticKernel.Atom atom(DoubleUnaryOperator weight, DoubleUnaryOperator map) {
        return new SynapticKernel.Atom(weight, map);
    }

    @Test
    void aShiftListensToTheDNeuronsNearestTheTargetLabelWithWeightAOverD() {
        int n = 40;
        int d = 5;
        WeightMatrix m = WeightMatrix.nearestLabels(n, measure(atom(xi -> 1 + xi, xi -> xi + 0.25)), d, 1);
        assertEquals(n * d, m.synapses());
        for (int i = 0; i < n; i++) {
            // T(xi_i) = xi_i + 1/4 mod 1 is the label of neuron i + 10 mod N: the window is the five
            // neurons around it, moved inside [0, N) near the ends.
            int target = (i + 10) % n;
            int start = Math.max(0, Math.min(n - d, target - 2));
            int[] expected = new int[d];
            for (int c = 0; c < d; c++) {
                expected[c] = start + c;
            }
            assertArrayEquals(expected, m.inputs(i), "neuron " + i);
            for (int j : expected) {
                assertEquals((float) ((1 + WeightMatrix.label(i, n)) / d), m.weight(i, j), 0.0);
            }
        }
    }

    @Test
    void anEvenWindowLeansTowardsTheSideOfTheTarget() {
        int n = 20;
        // Target 0.33: 6.6 - 0.5 = 6.1 neurons in: of the neurons 5, 6, 7, 8 the four nearest are 5..8
        // (distances 1.1, 0.1, 0.9, 1.9), not 4..7 (4 is 2.1 away).
        WeightMatrix m = WeightMatrix.nearestLabels(n, measure(atom(xi -> 1, xi -> 0.33)), 4, 1);
        assertArrayEquals(new int[] {5, 6, 7, 8}, m.inputs(0));
        // A target 0.01 near the label 0 takes the first neurons, not 19 across the end of the label line
        // (r need not be periodic); neuron 0 skips itself for 3.
        WeightMatrix end = WeightMatrix.nearestLabels(n, measure(atom(xi -> 1, xi -> -0.99)), 3, 1);
        assertArrayEquals(new int[] {0, 1, 2}, end.inputs(5));
        assertArrayEquals(new int[] {1, 2, 3}, end.inputs(0));
        WeightMatrix last = WeightMatrix.nearestLabels(n, measure(atom(xi -> 1, xi -> 0.999)), 3, 1);
        assertArrayEquals(new int[] {17, 18, 19}, last.inputs(0));
    }

    @Test
    void aSelfCouplingDeltaHasNoSelfLoopsYetDInputsAndRowSumA() {
        int n = 50;
        int d = 6;
        WeightMatrix m = WeightMatrix.nearestLabels(n, measure(atom(xi -> 0.5 + xi, xi -> xi)), d, 2);
        for (int i = 0; i < n; i++) {
            assertEquals(0.0, m.weight(i, i), 0.0, "self-loop at " + i);
            assertEquals(d, m.inDegree(i));
            double sum = 0;
            for (int j : m.inputs(i)) {
                sum += m.weight(i, j);
                // Around i, or the first (last) d neurons but i near the ends.
                assertTrue(Math.abs(i - j) <= d, "neuron " + i + " listens to " + j);
            }
            assertEquals(0.5 + WeightMatrix.label(i, n), sum, 1e-6);
        }
    }

    @Test
    void overlappingAtomsShareOneSynapseWithTheSummedWeightAndCancellingOnesNone() {
        int n = 30;
        WeightMatrix m = WeightMatrix.nearestLabels(n, measure(atom(xi -> 0.25, xi -> xi + 0.5),
                atom(xi -> 0.5, xi -> xi + 0.5), atom(xi -> 1, xi -> 0.1), atom(xi -> -1, xi -> 0.1)), 3, 1);
        for (int i = 0; i < n; i++) {
            assertEquals(3, m.inDegree(i), "neuron " + i);
            for (int j : m.inputs(i)) {
                assertEquals(0.25f, m.weight(i, j), 0.0f);
            }
        }
    }

    @Test
    void theInputFromASmoothRateTendsToTheMeasureKernelsJWhileTheLargestWeightVanishes() {
        SynapticKernel.Measure kernel = measure(atom(xi -> 0.5, xi -> xi + 0.25),
                atom(xi -> -0.3 * Math.cos(2 * Math.PI * xi), xi -> 2 * xi));
        // Not periodic: r(0) = 2, r(1) = 2.5.
        DoubleUnaryOperator rate = x -> 2 + Math.sin(2 * Math.PI * x) + 0.5 * x;
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {100, 400, 1600, 6400}) {
            int d = (int) Math.round(Math.sqrt(n));
            WeightMatrix m = WeightMatrix.nearestLabels(n, kernel, d, 2);
            // Mean over neurons of |input - J|: O(1/N) inside (the window's half-cell offset and its
            // (d/N)^2 curvature), O(d/N) on the O(d/N) of targets next to an end.
            double error = 0;
            for (int i = 0; i < n; i++) {
                double xi = WeightMatrix.label(i, n);
                double input = 0;
                for (int j : m.inputs(i)) {
                    input += m.weight(i, j) * rate.applyAsDouble(WeightMatrix.label(j, n));
                }
                double exact = 0.5 * rate.applyAsDouble(kernel.target(0, xi))
                        - 0.3 * Math.cos(2 * Math.PI * xi) * rate.applyAsDouble(kernel.target(1, xi));
                error += Math.abs(input - exact) / n;
            }
            WeightMatrix.Scaling s = m.scaling();
            assertTrue(s.maxRowSum() <= 0.8 + 1e-6 && s.maxRowSum() > 0.79, "max row sum " + s.maxRowSum());
            assertTrue(s.maxWeight() <= 0.8 / d + 1e-7 && s.maxWeight() >= 0.5 / d - 1e-7, "N = " + n);
            assertTrue(error < previous / 3, "N = " + n + ": error " + error + " after " + previous);
            previous = error;
        }
        assertTrue(previous < 1e-3, "error at N = 6400: " + previous);
    }

    @Test
    void theNetworkDoesNotDependOnTheThreadCountAndItsTransposeIsItsOutgoingEdges() {
        SynapticKernel.Measure kernel = measure(atom(xi -> 0.5 + xi, xi -> 3 * xi + 0.1), atom(xi -> -0.4, xi -> xi));
        WeightMatrix one = WeightMatrix.nearestLabels(3000, kernel, 40, 1);
        WeightMatrix two = WeightMatrix.nearestLabels(3000, kernel, 40, 2);
        assertEquals(one.synapses(), two.synapses());
        for (int i = 0; i < 3000; i += 7) {
            assertArrayEquals(one.inputs(i), two.inputs(i));
            for (int j : one.inputs(i)) {
                assertEquals(one.weight(i, j), two.weight(i, j), 0.0);
            }
        }
        int[] spike = {17};
        double[] delivered = new double[3000];
        one.deliverSpikes(spike, 1, delivered, 0, 3000);
        for (int i = 0; i < 3000; i++) {
            assertEquals(one.weight(i, 17), delivered[i], 0.0, "w_" + i + ",17");
        }
    }

    @Test
    void aMeasureIsSampledOnlyAsANearestLabelsNetworkAndThatOnlyFromAMeasure() {
        SynapticKernel.Measure kernel = measure(atom(xi -> 1, xi -> xi));
        WeightMatrix viaSample = WeightMatrix.sample(20, kernel, new Connectivity.NearestLabels(3), 1, 1);
        assertEquals(60, viaSample.synapses());
        InvalidModelException dense = assertThrows(InvalidModelException.class,
                () -> WeightMatrix.sample(20, kernel, new Connectivity.Dense(), 1, 1));
        assertTrue(dense.getMessage().contains("its network is nearest-labels"), dense.getMessage());
        InvalidModelException function = assertThrows(InvalidModelException.class, () -> WeightMatrix.sample(20,
                new SynapticKernel.Function((xi, zeta) -> 1), new Connectivity.NearestLabels(3), 1, 1));
        assertTrue(function.getMessage().contains("this kernel is not a measure"), function.getMessage());
        InvalidModelException degree = assertThrows(InvalidModelException.class,
                () -> WeightMatrix.nearestLabels(20, kernel, 20, 1));
        assertEquals(InvalidModelException.Part.PARTICLES, degree.part());
        InvalidModelException map = assertThrows(InvalidModelException.class, () -> WeightMatrix.nearestLabels(20,
                measure(atom(xi -> 1, xi -> xi), atom(xi -> 1, xi -> 1 / (xi - 0.275))), 3, 2));
        assertEquals(InvalidModelException.Part.KERNEL, map.part());
        assertTrue(map.getMessage().startsWith("measure[1]: the map T(xi) = Infinity is not finite at the label"
                + " xi = 0.275 of neuron 6"), map.getMessage());
    }
}
