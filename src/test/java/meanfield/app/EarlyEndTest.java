package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import meanfield.app.output.Hdf5ResultFile;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.TeeSink;
import meanfield.solvers.result.Variable;

/**
 * A run that runs out of memory although its estimate fitted (an OutOfMemoryError in the loop) or
 * is stopped by a signal: its file is closed on exactly the outputs reached, the status is 3 or
 * 130, and the message is one line saying how to raise the heap. An actual OutOfMemoryError cannot
 * be provoked reliably in a test JVM, so the error is handed in as the loop would throw it.
 */
class EarlyEndTest {
    @TempDir
    Path tmp;

    private static final ResultLayout LAYOUT = new ResultLayout(
            List.of(Axis.time(), new Axis("x", "1", "position", new double[] {0.25, 0.75})),
            List.of(Variable.perOutput("rho", "1", "density", "x")));

    /** A file laid out for 5 outputs with 2 of them written. */
    private static TeeSink twoOfFive(Path file, RecordedResult memory) {
        TeeSink sinks = new TeeSink(new Hdf5ResultFile(file, Map.of("problem", "model: mv\n")), memory);
        sinks.begin(LAYOUT, 5, 0);
        sinks.output(0, 0.0, new double[][] {{1, 2}});
        sinks.output(1, 0.1, new double[][] {{3, 4}});
        return sinks;
    }

    @Test
    void outOfMemoryKeepsTheOutputsReachedAndIsStatusThreeInOneLine() {
        Path file = tmp.resolve("solution.h5");
        RecordedResult memory = new RecordedResult();
        EarlyEnd end = EarlyEnd.close(new OutOfMemoryError("Java heap space"), twoOfFive(file, memory), memory);
        assertEquals(Main.NUMERICAL_FAILURE, end.status());
        String line = end.line(memory.outputCount(), tmp);
        assertEquals(1, line.lines().count());
        assertTrue(line.startsWith("out of memory (Java heap space)"), line);
        assertTrue(line.contains("MEANFIELD_JAVA_OPTS=-Xmx") && line.contains("2 outputs reached"), line);
        try (HdfFile h5 = new HdfFile(file)) {
            assertArrayEquals(new double[] {0.0, 0.1}, (double[]) h5.getDatasetByPath("t").getData());
            assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, (double[][]) h5.getDatasetByPath("rho").getData());
        }
    }

    @Test
    void aStopKeepsTheOutputsReachedWithStatus130() {
        Path file = tmp.resolve("particles.h5");
        RecordedResult memory = new RecordedResult();
        EarlyEnd end = EarlyEnd.close(new RunStopped(0.15), twoOfFive(file, memory), memory);
        assertEquals(130, end.status());
        assertEquals("stopped by a signal at t = 0.15", end.reason());
        try (HdfFile h5 = new HdfFile(file)) {
            assertEquals(2, h5.getDatasetByPath("t").getDimensions()[0]);
        }
    }
}
