package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import meanfield.solvers.mv.MvSolution;

/**
 * Writes an MV solution as {@code solution.h5} (PROBLEMS.md "Outputs"): {@code t} (nt), the
 * collocation nodes j/n per dimension as {@code x} (and {@code y}, {@code z}), {@code rho} and
 * {@code density} (both nt x nx..., the same field for this model); attributes {@code problem}
 * and {@code version}.
 */
public final class MvSolutionFile {
    private static final String[] AXES = {"x", "y", "z"};

    private MvSolutionFile() {
    }

    public static void write(Path file, MvSolution s, String problemYaml, String codeVersion) {
        int nt = s.outputCount();
        int d = s.grid().dimension();
        int n = s.grid().n();
        List<double[]> fields = new ArrayList<>();
        for (int i = 0; i < nt; i++) {
            fields.add(s.density(i));
        }
        int[] shape = new int[d + 1];
        java.util.Arrays.fill(shape, n);
        shape[0] = nt;
        Object rho = NestedArrays.of(NestedArrays.concatenate(fields), shape);
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("t", s.times());
            for (int a = 0; a < d; a++) {
                h5.putDataset(AXES[a], s.grid().nodes());
            }
            h5.putDataset("rho", rho);
            h5.putDataset("density", rho);
            h5.putAttribute("problem", problemYaml);
            h5.putAttribute("version", codeVersion);
        } catch (HdfException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
