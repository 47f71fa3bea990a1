package meanfield.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work-precision diagram is drawn from NifWorkPrecision's wall and error figures, and only from them. */
class WorkPrecisionTest {
    private static Figure figure(String benchmark, String label, String metric, double value) {
        return new Figure(benchmark, label, metric, value, "s", null, null, null, null);
    }

    @Test
    void writesAPngWhenThePointsArePresent(@TempDir Path dir) throws IOException {
        List<Figure> figures = List.of(
                figure("NifWorkPrecision", "v grid: 50 v cells", "wall", 0.1),
                figure("NifWorkPrecision", "v grid: 50 v cells", "error", 1e-2),
                figure("NifWorkPrecision", "v grid: 100 v cells", "wall", 0.2),
                figure("NifWorkPrecision", "v grid: 100 v cells", "error", 2.5e-3),
                figure("NifWorkPrecision", "tolerance: 1e-3", "wall", 0.3),
                figure("NifWorkPrecision", "tolerance: 1e-3", "error", 1e-3));
        Optional<Path> png = WorkPrecision.write(figures, dir);
        assertEquals(Optional.of(dir.resolve(WorkPrecision.FILE)), png);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png.get()), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
    }

    @Test
    void writesNothingWithoutThePoints(@TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), WorkPrecision.write(List.of(figure("NifWholeRun", "P1", "wall", 1.0)), dir));
        try (var files = Files.list(dir)) {
            assertTrue(files.findAny().isEmpty());
        }
    }
}
