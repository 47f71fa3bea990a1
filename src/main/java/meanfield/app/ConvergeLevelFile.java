package meanfield.app;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import meanfield.app.problem.ProblemException;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;

/**
 * {@code level.bin}: what one level of a convergence study run as a sweep task leaves for the merge,
 * the compared quantity at the outputs the comparison reads (the last one, or every one for rate)
 * with their times, and the level's steps, failure, wall time and error against a known solution.
 * Doubles are written as their bits, so that the merge computes the errors of a local study exactly;
 * the grid is not stored, since the merge rebuilds it from the level's problem.
 */
final class ConvergeLevelFile {
    static final String FILE = "level.bin";
    private static final String MAGIC = "meanfield converge level 1";

    /** A level as the study uses it; {@code result} keeps only the compared quantity. */
    record Level(RecordedResult result, long steps, String failure, double seconds, double error, String description) {
    }

    private ConvergeLevelFile() {
    }

    static void write(Path file, Level level, String quantity, boolean everyOutput) {
        RecordedResult r = level.result();
        int count = r.outputCount();
        int first = everyOutput ? 0 : Math.max(0, count - 1);
        StudyTaskFiles.write(file, out -> {
            out.writeUTF(MAGIC);
            out.writeLong(level.steps());
            StudyTaskFiles.writeText(out, level.failure());
            out.writeDouble(level.seconds());
            out.writeDouble(level.error());
            StudyTaskFiles.writeText(out, level.description());
            out.writeInt(count - first);
            for (int o = first; o < count; o++) {
                double[] values = r.get(quantity, o);
                out.writeDouble(r.time(o));
                out.writeInt(values.length);
                for (double v : values) {
                    out.writeDouble(v);
                }
            }
        });
    }

    /** Reads a level back, its outputs replayed into a record over {@code layout} (the level's own grid). */
    static Level read(Path file, ResultLayout layout, String quantity) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(MAGIC)) {
                throw new ProblemException("--merge", file + " is not a level file of this version");
            }
            long steps = in.readLong();
            String failure = StudyTaskFiles.readText(in);
            double seconds = in.readDouble();
            double error = in.readDouble();
            String description = StudyTaskFiles.readText(in);
            int outputs = in.readInt();
            RecordedResult result = new RecordedResult(Set.of(quantity), false);
            result.begin(layout, outputs, 0);
            int slot = layout.slot(quantity);
            for (int o = 0; o < outputs; o++) {
                double t = in.readDouble();
                double[] values = new double[in.readInt()];
                if (values.length != layout.size(layout.perOutput().get(slot))) {
                    throw new ProblemException("--merge", file + " holds " + values.length + " values of " + quantity
                            + ", not the level's grid: was the problem changed after the tasks ran?");
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readDouble();
                }
                double[][] slices = new double[layout.perOutput().size()][];
                slices[slot] = values;
                result.output(o, t, slices);
            }
            return new Level(result, steps, failure, seconds, error, description);
        } catch (IOException e) {
            throw new ProblemException("--merge", "cannot read " + file + ": " + e.getMessage());
        }
    }
}
