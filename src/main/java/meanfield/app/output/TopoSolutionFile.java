package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import meanfield.solvers.topo.TopoSolution;

/**
 * Writes a TOPO solution as {@code solution.h5} (PROBLEMS.md "Outputs"): {@code t} (nt); the
 * cell centres per dimension as {@code x} (and {@code y}, {@code z}); {@code v} (nvel x d);
 * {@code rho} (nt x nx...); {@code density} (nt x nx... x nvel, node masses f_k(x)); and
 * {@code velocity_marginal} (nt x nvel, h_k(t)); attributes {@code problem} and {@code version}.
 */
public final class TopoSolutionFile {
    private static final String[] AXES = {"x", "y", "z"};

    private TopoSolutionFile() {
    }

    public static void write(Path file, TopoSolution s, String problemYaml, String codeVersion) {
        int nt = s.outputCount();
        if (nt == 0) {
            throw new IllegalArgumentException("the solution has no output times to write to " + file);
        }
        int d = s.dimension();
        int n = s.perDimension();
        int nvel = s.velocities().length;
        double[] times = new double[nt];
        List<double[]> rho = new ArrayList<>();
        List<double[]> density = new ArrayList<>();
        List<double[]> marginal = new ArrayList<>();
        for (int i = 0; i < nt; i++) {
            times[i] = s.time(i);
            rho.add(s.rho(i));
            density.add(s.density(i));
            marginal.add(s.velocityMarginal(i));
        }
        int[] rhoShape = new int[d + 1];
        int[] densityShape = new int[d + 2];
        rhoShape[0] = nt;
        densityShape[0] = nt;
        for (int a = 1; a <= d; a++) {
            rhoShape[a] = n;
            densityShape[a] = n;
        }
        densityShape[d + 1] = nvel;
        double[] centres = s.axis();
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putDataset("t", times);
            for (int a = 0; a < d; a++) {
                h5.putDataset(AXES[a], centres);
            }
            h5.putDataset("v", s.velocities());
            h5.putDataset("rho", NestedArrays.of(NestedArrays.concatenate(rho), rhoShape));
            h5.putDataset("density", NestedArrays.of(NestedArrays.concatenate(density), densityShape));
            h5.putDataset("velocity_marginal", NestedArrays.of(NestedArrays.concatenate(marginal), nt, nvel));
            h5.putAttribute("problem", problemYaml);
            h5.putAttribute("version", codeVersion);
        } catch (HdfException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
