package meanfield.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench report from a small fixed set of results: the JSON fields and the Markdown rows. */
class BenchReportWriterTest {
    private static final Machine MACHINE = new Machine(2, 8L << 30, "Test CPU @ 2.0GHz", "Linux 6.1 amd64",
            "OpenJDK 64-Bit Server VM 17.0.9");

    private static BenchReport report() {
        Figure withRatio = new Figure("NifParticlesRun", "N = 32000, 1 thread", "simulation, best of 2", 1.18, "s",
                "neuron-step loop", 1.087, "s", 1.0856);
        Figure noRatio = new Figure("NifWholeRun", "P1 512 x 128", "cell updates per second", 2.1e7, "1/s",
                "STREAM triad at the working set", 24.0, "GB/s", null);
        Figure noYardstick = new Figure("NifWholeRun", "P1 512 x 128", "wall (JIT included)", 1.33, "s", null, null,
                null, null);
        return new BenchReport("2026-12-01T12:00:00Z", "abc123", true, MACHINE, List.of(withRatio, noRatio, noYardstick),
                List.of("TopoWholeRun failed (exit 1)"));
    }

    @Test
    void jsonHasTheProvenanceAndEveryFigureWithItsYardstick(@TempDir Path dir) throws IOException {
        BenchReportWriter.write(report(), dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve(BenchReportWriter.JSON).toFile());
        assertEquals("2026-12-01T12:00:00Z", json.get("date").asText());
        assertEquals("abc123", json.get("commit").asText());
        assertTrue(json.get("quick").asBoolean());
        assertEquals(2, json.get("machine").get("cores").asInt());
        assertEquals(8L << 30, json.get("machine").get("memory_bytes").asLong());
        assertEquals("Test CPU @ 2.0GHz", json.get("machine").get("cpu_model").asText());
        assertEquals(3, json.get("figures").size());
        JsonNode first = json.get("figures").get(0);
        assertEquals("NifParticlesRun", first.get("benchmark").asText());
        assertEquals("N = 32000, 1 thread", first.get("case").asText());
        assertEquals(1.18, first.get("value").asDouble());
        assertEquals("neuron-step loop", first.get("yardstick").asText());
        assertEquals(1.087, first.get("yardstick_value").asDouble());
        assertEquals(1.0856, first.get("ratio").asDouble());
        assertTrue(json.get("figures").get(1).get("ratio").isNull());
        assertTrue(json.get("figures").get(2).get("yardstick").isNull());
        assertEquals("TopoWholeRun failed (exit 1)", json.get("notes").get(0).asText());
    }

    @Test
    void markdownHasOneTablePerBenchmarkAndARowPerFigure() {
        String md = BenchReportWriter.markdown(report());
        assertTrue(md.contains("- commit: abc123\n"), md);
        assertTrue(md.contains("- machine: 2 cores, 8.0 GiB, Test CPU @ 2.0GHz; Linux 6.1 amd64;"
                + " OpenJDK 64-Bit Server VM 17.0.9\n"), md);
        assertTrue(md.contains("## NifParticlesRun\n"), md);
        assertTrue(md.contains("| N = 32000, 1 thread | simulation, best of 2 | 1.18 s | neuron-step loop | 1.09 s | 1.09 |\n"),
                md);
        assertTrue(md.contains("| P1 512 x 128 | cell updates per second | 2.10e+07 1/s | STREAM triad at the working set"
                + " | 24.0 GB/s |  |\n"), md);
        assertTrue(md.contains("| P1 512 x 128 | wall (JIT included) | 1.33 s |  |  |  |\n"), md);
        assertTrue(md.contains("- TopoWholeRun failed (exit 1)\n"), md);
        assertEquals(1, md.split("## NifWholeRun\n", -1).length - 1, "one table for NifWholeRun's two figures");
    }

    @Test
    void aBarInAUnitIsEscapedSoThatTheRowKeepsItsSixCells() {
        Figure error = new Figure("NifWorkPrecision", "200 v cells", "error", 4e-4, "max over labels of |r - r_ref| at T",
                null, null, null, null);
        String md = BenchReportWriter.markdown(new BenchReport("2026-12-01T12:00:00Z", "abc123", true, MACHINE,
                List.of(error), List.of()));
        String row = md.lines().filter(l -> l.startsWith("| 200 v cells")).findFirst().orElseThrow();
        assertEquals("| 200 v cells | error | 0.000400 max over labels of \\|r - r_ref\\| at T |  |  |  |", row);
        assertEquals(8, row.split("(?<!\\\\)\\|", -1).length, "seven unescaped bars, so six cells: " + row);
    }

    @Test
    void wholeRunJsonReadsBackIntoFigures(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "[\n  {\"benchmark\": \"MvParticlesRun\", \"case\": \"N = 10000\", \"metric\": \"CPU time"
                + " per particle-step\", \"value\": 45.0, \"unit\": \"ns\", \"yardstick\": \"array sweep\","
                + " \"yardstick_value\": 1.00000, \"yardstick_unit\": \"ns\", \"ratio\": 45.0000},\n"
                + "  {\"benchmark\": \"MvParticlesRun\", \"case\": \"N = 10000\", \"metric\": \"build\", \"value\": 0.1,"
                + " \"unit\": \"s\", \"yardstick\": null, \"yardstick_value\": null, \"yardstick_unit\": null,"
                + " \"ratio\": null}\n]\n");
        List<Figure> figures = WholeRunResults.read(file);
        assertEquals(new Figure("MvParticlesRun", "N = 10000", "CPU time per particle-step", 45.0, "ns", "array sweep", 1.0,
                "ns", 45.0), figures.get(0));
        assertEquals(Optional.empty(), Optional.ofNullable(figures.get(1).ratio()));
    }

    @Test
    void cpuModelIsTheFirstModelNameLine(@TempDir Path dir) throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n"
                + "processor\t: 1\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n");
        assertEquals(Optional.of("Intel(R) Xeon(R) CPU @ 2.20GHz"), Machine.cpuModel(cpuinfo));
        assertEquals(Optional.empty(), Machine.cpuModel(dir.resolve("missing")));
    }
}
