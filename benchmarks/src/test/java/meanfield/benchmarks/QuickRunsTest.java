package meanfield.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every whole-run benchmark that {@code meanfield bench} runs, at its smallest size ({@code --quick}),
 * as the issue asks when the whole {@code bench --quick} would weigh on CI: each must run and write
 * figures with finite, positive values, so that a bench run does not find a broken benchmark first.
 * No time is asserted.
 */
class QuickRunsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NifParticlesRun", "NifWholeRun", "TopoWholeRun", "TopoParticlesRun", "MvParticlesRun",
            "NifWorkPrecision", "TopoWorkPrecision", "StationaryRun"})
    void everyWholeRunWritesFiniteFiguresAtItsQuickSize(String benchmark, @TempDir Path dir) throws Exception {
        Path json = dir.resolve(benchmark + ".json");
        Class.forName("meanfield.benchmarks." + benchmark).getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {"--quick", "--json", json.toString()});
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertTrue(figures.isArray() && figures.size() > 0, benchmark + " wrote no figures");
        for (JsonNode figure : figures) {
            assertFalse(figure.get("value").isNull(), benchmark + ": " + figure);
            double value = figure.get("value").asDouble();
            assertTrue(Double.isFinite(value) && value > 0, benchmark + ": " + figure);
            if (!figure.get("yardstick_value").isNull()) {
                assertTrue(figure.get("yardstick_value").asDouble() > 0, benchmark + ": " + figure);
            }
        }
    }
}
