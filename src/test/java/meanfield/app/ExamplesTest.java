package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem file of examples/ reads and solves as shipped, to a shortened horizon (nif-constant-rate's
 * tolerance of 1e-8 takes 11 s to its end): a file that no longer parses, or a key renamed under it, fails here.
 */
class ExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void everyExampleSolvesAsShipped() throws IOException {
        Path dir = MeasureKernelTest.example("nif-measure.yaml").getParent();
        List<Path> examples;
        try (Stream<Path> files = Files.list(dir)) {
            examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(examples.size() >= 2, "examples found: " + examples);
        for (Path example : examples) {
            Path out = tmp.resolve(example.getFileName().toString().replace(".yaml", ""));
            CommandRunner r = CommandRunner.run("solve", example.toString(), "--quiet", "--out", out.toString(), "--set",
                    "time.end=0.1");
            assertEquals(0, r.status(), example + ": " + r.err());
            assertTrue(Files.size(out.resolve("solution.h5")) > 0, example.toString());
        }
    }
}
