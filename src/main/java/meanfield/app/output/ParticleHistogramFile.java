package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import meanfield.validation.mv.MvParticleRun;
import meanfield.validation.topo.TopoParticleRun;

/**
 * Writes the histograms of a particle run on the torus as {@code particles.h5} (PROBLEMS.md
 * "Outputs"): {@code t} (nt), {@code x_edges} (nb + 1, the same along every axis),
 * {@code position_hist} (nt x nb..., mass per bin), and for topo {@code joint}
 * (nt x nb... x nvel, mass per bin and velocity node) and {@code v} (nvel x d).
 */
public final class ParticleHistogramFile {
    private ParticleHistogramFile() {
    }

    public static void writeTopo(Path file, TopoParticleRun run, int dimension, String yaml, String version) {
        int nvel = run.velocities().length;
        write(file, run.times(), run.xEdges(), run.positionHistogram(), dimension, yaml, version, h5 -> {
            h5.putDataset("joint", NestedArrays.of(NestedArrays.concatenate(Arrays.asList(run.joint())),
                    shape(run.times().length, run.xEdges().length - 1, dimension, nvel)));
            h5.putDataset("v", run.velocities());
        });
    }

    public static void writeMv(Path file, MvParticleRun run, int dimension, String yaml, String version) {
        write(file, run.times(), run.xEdges(), run.positionHistogram(), dimension, yaml, version, h5 -> {
        });
    }

    private static int[] shape(int nt, int nb, int dimension, int last) {
        int[] dims = new int[dimension + 1 + (last > 0 ? 1 : 0)];
        Arrays.fill(dims, nb);
        dims[0] = nt;
        if (last > 0) {
            dims[dims.length - 1] = last;
        }
        return dims;
    }

    private static void write(Path file, double[] times, double[] edges, double[][] histogram, int dimension,
            String yaml, String version, java.util.function.Consumer<WritableHdfFile> extra) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("t", times);
            h5.putDataset("x_edges", edges);
            h5.putDataset("position_hist", NestedArrays.of(NestedArrays.concatenate(Arrays.asList(histogram)),
                    shape(times.length, edges.length - 1, dimension, 0)));
            extra.accept(h5);
            h5.putAttribute("problem", yaml);
            h5.putAttribute("version", version);
        } catch (HdfException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
