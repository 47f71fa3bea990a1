package meanfield.validation.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.NeuronCellOverlap;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.nif.NifFiniteVolume;
import meanfield.solvers.parallel.ColumnPool;

/**
 * A network's step kernel handed to the solver gives the synaptic input J_k = (1/M) sum_l w_kl r_l
 * that the network itself delivers: neuron i receives sum_j w_ij r(j), r(j) the label average of the
 * rate over neuron j's interval, and J_k is the average over cell k of that input (the row sums,
 * weighted by the rates, binned). The kernel is asymmetric, so a transposed kernel would fail; N not
 * a multiple of M exercises the fractional overlaps.
 */
class NetworkStepKernelTest {

    @ParameterizedTest
    @CsvSource({"12, 4", "10, 4", "7, 3", "3, 5"})
    void theSolversSynapticInputIsTheNetworksBinnedInput(int n, int cells) {
        WeightMatrix network = WeightMatrix.dense(n, (xi, zeta) -> 0.3 + xi * xi - 0.5 * zeta, 1);
        SynapticKernel.CellAveraged step = network.stepKernel(cells);
        NifModel model = new NifModel(0, 0.1, Drift.autonomous((v, xi) -> -v), FiringRate.constant(1),
                OptionalDouble.empty(), step, (v, xi) -> Math.exp(-v * v));
        double[] rate = new double[cells];
        for (int l = 0; l < cells; l++) {
            rate[l] = 1 + 2.0 * l * l;
        }
        double[] input = new double[cells];
        try (ColumnPool pool = new ColumnPool(1)) {
            new NifFiniteVolume(model, new UniformGrid(-2, 2, 8), UniformGrid.unitInterval(cells), pool)
                    .synapticInput(rate, input);
        }
        NeuronCellOverlap overlap = NeuronCellOverlap.of(n, cells);
        double[] neuronRate = new double[n];
        for (int j = 0; j < n; j++) {
            for (int p = overlap.begin(j); p < overlap.end(j); p++) {
                neuronRate[j] += overlap.share(p) * rate[overlap.cell(p)];
            }
        }
        double[] binned = new double[cells];
        for (int i = 0; i < n; i++) {
            double received = 0;
            for (int j = 0; j < n; j++) {
                received += network.weight(i, j) * neuronRate[j];
            }
            // Neuron i holds share / N of the label line; cell k has length 1/M.
            for (int p = overlap.begin(i); p < overlap.end(i); p++) {
                binned[overlap.cell(p)] += received * overlap.share(p) * cells / n;
            }
        }
        for (int k = 0; k < cells; k++) {
            assertEquals(binned[k], input[k], 1e-6 * (1 + Math.abs(binned[k])), "cell " + k);
        }
    }
}
