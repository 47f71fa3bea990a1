package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

class KernelFilesTest {
    @TempDir
    Path tmp;

    private double[][] solveWithKernel(String kernel, String name) {
        Path out = tmp.resolve(name);
        CommandRunner r = CommandRunner.run("solve", "nif-ring", "--quiet", "--out", out.toString(), "--set",
                "grid.v.cells=50", "--set", "grid.xi.cells=4", "--set", "time.end=0.3", "--set",
                "time.output_every=0.1", "--set", "nif.kernel=" + kernel);
        assertEquals(0, r.status(), r.err());
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            return (double[][]) h5.getDatasetByPath("rate").getData();
        }
    }

    @Test
    void aNetworkFileGivesTheSameRunAsItsStepKernelWrittenAsACellAveragedMatrix() throws IOException {
        int n = 16;
        int cells = 4;
        StringBuilder network = new StringBuilder("%%MatrixMarket matrix coordinate real general\n");
        network.append(n).append(' ').append(n).append(' ').append(n * (n - 1)).append('\n');
        double[] stepKernel = new double[cells * cells];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    // Asymmetric: neuron i receives more from higher-numbered neurons.
                    double w = (0.1 + 0.5 * j / n + 0.1 * i / n) / n;
                    network.append(String.format(Locale.ROOT, "%d %d %.17g%n", i + 1, j + 1, w));
                    stepKernel[(i / 4) * cells + j / 4] += (double) cells * cells / n * w;
                }
            }
        }
        StringBuilder matrix = new StringBuilder("%%MatrixMarket matrix array real general\n4 4\n");
        for (int l = 0; l < cells; l++) {
            for (int k = 0; k < cells; k++) {
                matrix.append(String.format(Locale.ROOT, "%.17g%n", stepKernel[k * cells + l]));
            }
        }
        Files.writeString(tmp.resolve("network.mtx"), network);
        Files.writeString(tmp.resolve("kernel.mtx"), matrix);
        double[][] fromNetwork = solveWithKernel("{network: " + tmp.resolve("network.mtx") + "}", "network");
        double[][] fromMatrix = solveWithKernel("{matrix: " + tmp.resolve("kernel.mtx") + "}", "matrix");
        double[][] uncoupled = solveWithKernel("0", "uncoupled");
        for (int t = 0; t < fromMatrix.length; t++) {
            for (int l = 0; l < cells; l++) {
                assertEquals(fromMatrix[t][l], fromNetwork[t][l], 1e-12, "t index " + t + ", label " + l);
            }
        }
        // The kernel matters: the coupled run differs from the uncoupled one.
        assertTrue(Math.abs(fromNetwork[3][0] - uncoupled[3][0]) > 1e-3, "coupling has no effect");
    }
}
