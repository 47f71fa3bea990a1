package meanfield.validation.nif;

import java.util.Optional;

/**
 * What a NIF network run produced, in memory: the arrays of {@code particles.h5} (PROBLEMS.md)
 * and the spike count of every neuron.
 *
 * @param windowEdges     the times bounding the output windows (nw + 1)
 * @param labelEdges      the label bin edges on [0, 1] (nb + 1)
 * @param rate            rate[w][b] = spikes in window w of the neurons in bin b / (neurons in bin b x window length)
 * @param labels          xi_i of each neuron
 * @param finalPotentials V_i at the end of the run (or of the window in which it stopped)
 * @param spikeCounts     spikes of each neuron over the run
 * @param steps           time steps taken
 * @param failure         why the run stopped early, if it did
 * @param spikeTimes      the time of every spike, for raster plots: the end of the step in which it happened
 *                        (when its reset is applied), in step order and within a step by neuron index, the same
 *                        for any thread count; empty when N is above {@link NifSimulator.Settings#recordSpikesUpTo()}
 * @param spikeNeurons    the spiking neuron of each entry of spikeTimes
 */
public record NifParticleRun(double[] windowEdges, double[] labelEdges, double[][] rate, double[] labels,
        double[] finalPotentials, int[] spikeCounts, int steps, Optional<String> failure, double[] spikeTimes,
        int[] spikeNeurons) {

    public long totalSpikes() {
        long total = 0;
        for (int count : spikeCounts) {
            total += count;
        }
        return total;
    }
}
