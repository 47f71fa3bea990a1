package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import meanfield.solvers.nif.NifSolution;

/**
 * Writes a NIF solution as {@code solution.h5} in the layout PROBLEMS.md "Outputs" fixes:
 * datasets {@code t} (nt), {@code v} (nv cell centres), {@code xi} (nxi label cell centres),
 * {@code rate} (nt x nxi) and {@code density} (nt x nxi x nv); root attributes {@code problem}
 * (the resolved problem as YAML) and {@code version}.
 */
public final class NifSolutionFile {
    private NifSolutionFile() {
    }

    public static void write(Path file, NifSolution s, String problemYaml, String codeVersion) {
        int nt = s.outputCount();
        if (nt == 0) {
            // A file without a time axis would satisfy no reader; the caller reports the failure instead.
            throw new IllegalArgumentException("the solution has no output times to write to " + file
                    + s.failure().map(f -> " (run failed: " + f + ")").orElse(""));
        }
        int nxi = s.labelGrid().cells();
        int nv = s.vGrid().cells();
        double[][] rate = new double[nt][];
        double[][][] density = new double[nt][nxi][nv];
        for (int i = 0; i < nt; i++) {
            rate[i] = s.rate(i);
            double[] f = s.density(i);
            for (int l = 0; l < nxi; l++) {
                System.arraycopy(f, l * nv, density[i][l], 0, nv);
            }
        }
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("t", s.times());
            h5.putDataset("v", s.vGrid().centers());
            h5.putDataset("xi", s.labelGrid().centers());
            h5.putDataset("rate", rate);
            h5.putDataset("density", density);
            h5.putAttribute("problem", problemYaml);
            h5.putAttribute("version", codeVersion);
        } catch (HdfException e) {
            // jhdf reports I/O failures (missing directory, full disk) as its own runtime exception.
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
