package meanfield.app;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import meanfield.app.problem.ProblemException;

/**
 * {@code runs.bin}: what one N of a validation run as a sweep task leaves for {@code validate --merge}:
 * per seed its failure, wall time, the particle observables the distances read and (network kernel)
 * the continuum observables on its network; and from the task that solved them, the continua's wall
 * time, the limit continuum's failure, its observable of every distance of every N and the grid
 * error. Doubles are written as their bits, so that the merge computes the local study's numbers
 * exactly.
 */
final class ValidateTaskFile {
    static final String FILE = "runs.bin";
    private static final String MAGIC = "meanfield validate runs 1";

    private ValidateTaskFile() {
    }

    static void write(Path file, ValidationStudy.TaskResult result) {
        StudyTaskFiles.write(file, out -> {
            out.writeUTF(MAGIC);
            out.writeInt(result.particles());
            out.writeInt(result.runs().size());
            for (ValidationStudy.Finished f : result.runs()) {
                StudyTaskFiles.writeText(out, f.failure());
                out.writeDouble(f.seconds());
                writeArrays(out, f.particles());
                writeArrays(out, f.network());
            }
            ValidationStudy.Continua c = result.continua();
            out.writeBoolean(c != null);
            if (c != null) {
                out.writeDouble(c.seconds());
                StudyTaskFiles.writeText(out, c.limitFailure());
                writeArrays(out, c.limit());
                out.writeInt(c.discretization().size());
                for (Map.Entry<String, Double> e : c.discretization().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeDouble(e.getValue());
                }
            }
        });
    }

    static ValidationStudy.TaskResult read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(MAGIC)) {
                throw new ProblemException("--merge", file + " is not a runs file of this version");
            }
            int n = in.readInt();
            int seeds = in.readInt();
            List<ValidationStudy.Finished> runs = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                String failure = StudyTaskFiles.readText(in);
                double seconds = in.readDouble();
                Map<String, double[]> particles = readArrays(in);
                Map<String, double[]> network = readArrays(in);
                runs.add(new ValidationStudy.Finished(particles, network, seconds, failure));
            }
            ValidationStudy.Continua continua = null;
            if (in.readBoolean()) {
                double seconds = in.readDouble();
                String limitFailure = StudyTaskFiles.readText(in);
                Map<String, double[]> limit = readArrays(in);
                Map<String, Double> grid = new LinkedHashMap<>();
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    grid.put(in.readUTF(), in.readDouble());
                }
                continua = new ValidationStudy.Continua(seconds, limitFailure, limit, grid);
            }
            return new ValidationStudy.TaskResult(n, runs, continua);
        } catch (IOException e) {
            throw new ProblemException("--merge", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void writeArrays(DataOutputStream out, Map<String, double[]> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            double[] values = e.getValue();
            out.writeInt(values == null ? -1 : values.length);
            if (values != null) {
                for (double v : values) {
                    out.writeDouble(v);
                }
            }
        }
    }

    private static Map<String, double[]> readArrays(DataInputStream in) throws IOException {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            int length = in.readInt();
            double[] values = null;
            if (length >= 0) {
                values = new double[length];
                for (int j = 0; j < length; j++) {
                    values[j] = in.readDouble();
                }
            }
            arrays.put(key, values);
        }
        return arrays;
    }
}
