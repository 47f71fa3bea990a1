package meanfield.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fixed JMH result file (the layout of -rf json, trimmed) becomes figures paired with their yardsticks. */
class JmhResultsTest {
    private static String result(String method, String mode, String params, double score, String unit, String secondary) {
        return "{\"benchmark\": \"meanfield.benchmarks." + method + "\", \"mode\": \"" + mode + "\"" + params
                + ", \"primaryMetric\": {\"score\": " + score + ", \"scoreUnit\": \"" + unit + "\"}"
                + ", \"secondaryMetrics\": {" + secondary + "}}";
    }

    @Test
    void eachKernelStandsBesideItsYardstick(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, "[" + String.join(",\n",
                result("MemoryBandwidthBenchmark.triad", "thrpt", ", \"params\": {\"kibPerArray\": \"1536\"}", 5e3, "ops/s",
                        "\"gigabytes\": {\"score\": 24.0, \"scoreUnit\": \"ops/s\"}"),
                result("NifStepBenchmark.step", "avgt", "", 3430.0, "us/op", ""),
                result("GemmBenchmark.javaBlocks", "avgt", ", \"params\": {\"shape\": \"2:32:16\"}", 1.6, "ms/op", ""),
                result("TopoFiniteVolumeBenchmark.rhs", "avgt", ", \"params\": {\"grid\": \"p3:32\"}", 18.0, "ms/op", ""),
                result("TopoSpectralBenchmark.explicitPart", "avgt", "", 6.9, "ms/op", ""),
                result("TopoSpectralBenchmark.rawFfts", "avgt", "", 4.6, "ms/op", "")) + "]");
        List<Figure> figures = new JmhResults(file).figures();

        Figure triad = figures.get(0);
        assertEquals("MemoryBandwidthBenchmark.triad (kibPerArray = 1536)", triad.label());
        assertEquals(24.0, triad.value());
        assertEquals("GB/s", triad.unit());

        Figure step = figures.get(1);
        assertEquals("MemoryBandwidthBenchmark.triad (kibPerArray = 1536)", step.yardstick());
        assertEquals(24.0, step.yardstickValue());
        assertNull(step.ratio(), "us/op against GB/s has no ratio");

        Figure rhs = figures.get(3);
        assertEquals("GemmBenchmark.javaBlocks (shape = 2:32:16)", rhs.yardstick());
        assertEquals(18.0 / 1.6, rhs.ratio(), 1e-12);

        Figure spectral = figures.get(4);
        assertEquals("average time", spectral.metric());
        assertEquals("TopoSpectralBenchmark.rawFfts", spectral.yardstick());
        assertEquals(6.9 / 4.6, spectral.ratio(), 1e-12);
        assertNull(figures.get(5).yardstick());
    }
}
