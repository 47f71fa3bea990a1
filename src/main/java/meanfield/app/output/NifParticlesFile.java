package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import meanfield.validation.nif.NifParticleRun;

/**
 * Writes a NIF network run as {@code particles.h5} (PROBLEMS.md "Outputs"): {@code window_edges}
 * (nw + 1), {@code label_edges} (nb + 1), {@code rate} (nw x nb: spikes / (neurons in bin x
 * window)), {@code label} (N), {@code v_final} (N), {@code spike_count} (N), and for networks small
 * enough to record every spike {@code spike_times} and {@code spike_neurons} (one entry per spike,
 * by time then neuron; neurons numbered from 0).
 */
public final class NifParticlesFile {
    private NifParticlesFile() {
    }

    public static void write(Path file, NifParticleRun run, String problemYaml, String codeVersion) {
        double[] counts = new double[run.spikeCounts().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = run.spikeCounts()[i];
        }
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("window_edges", run.windowEdges());
            h5.putDataset("label_edges", run.labelEdges());
            h5.putDataset("rate", run.rate());
            h5.putDataset("label", run.labels());
            h5.putDataset("v_final", run.finalPotentials());
            h5.putDataset("spike_count", counts);
            if (run.spikeTimes().length > 0) {
                h5.putDataset("spike_times", run.spikeTimes());
                h5.putDataset("spike_neurons", run.spikeNeurons());
            }
            h5.putAttribute("problem", problemYaml);
            h5.putAttribute("version", codeVersion);
        } catch (HdfException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
