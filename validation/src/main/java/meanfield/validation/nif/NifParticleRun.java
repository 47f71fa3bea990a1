package meanfield.validation.nif;

import java.util.Optional;

/**
 * What a NIF network run produced, in memory: the arrays of {@code particles.h5} (PROBLEMS.md)
 * and the spike count of every neuron. A run from t = 0 holds every window; a run resumed from a
 * checkpoint ({@link NifSimulator#resume}) holds the windows from the checkpoint on only (from
 * {@code firstWindow}), but the spike counts, final potentials and recorded spikes of the whole run.
 *
 * @param windowEdges     the times bounding the windows held: windows firstWindow.. (their count + 1 values)
 * @param labelEdges      the label bin edges on [0, 1] (nb + 1)
 * @param rate            rate[k][b] = spikes in window firstWindow + k of the neurons in bin b / (neurons in bin b
 *                        x window length)
 * @param labels          xi_i of each neuron
 * @param finalPotentials V_i at the end of the run (or of the window in which it stopped)
 * @param spikeCounts     spikes of each neuron over the run (over the whole run, also when resumed)
 * @param steps           time steps taken from t = 0
 * @param failure         why the run stopped early, if it did
 * @param spikeTimes      the time of every spike, for raster plots: the end of the step in which it happened
 *                        (when its reset is applied), in step order and within a step by neuron index, the same
 *                        for any thread count; empty when N is above {@link NifSimulator.Settings#recordSpikesUpTo()}
 * @param spikeNeurons    the spiking neuron of each entry of spikeTimes
 * @param firstWindow     the index of the window of rate[0]: 0, or for a resumed run the first window after
 *                        the checkpoint
 */
public record NifParticleRun(double[] windowEdges, double[] labelEdges, double[][] rate, double[] labels,
        double[] finalPotentials, int[] spikeCounts, int steps, Optional<String> failure, double[] spikeTimes,
        int[] spikeNeurons, int firstWindow) {

    public long totalSpikes() {
        long total = 0;
        for (int count : spikeCounts) {
            total += count;
        }
        return total;
    }
}
