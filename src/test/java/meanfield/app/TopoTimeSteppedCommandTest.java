package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;

/** particles.method: time-stepped for topological particles: the approximate method, labelled so, and its keys. */
class TopoTimeSteppedCommandTest {
    @TempDir
    Path tmp;

    private CommandRunner simulate(String problem, Path out, String... settings) {
        List<String> args = new ArrayList<>(List.of("simulate", problem, "--quiet", "--out", out.toString(),
                "--particles", "500", "--set", "time.end=0.2", "--set", "time.output_every=0.1", "--set",
                "particles.bins=8"));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        return CommandRunner.run(args.toArray(String[]::new));
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void simulateWritesTheHistogramsAndSaysTheRunIsApproximate() throws IOException {
        Path out = tmp.resolve("stepped");
        CommandRunner r = simulate("topo-1d", out, "particles.method=time-stepped", "particles.dt=0.02");
        assertEquals(0, r.status(), r.err());
        try (HdfFile h5 = new HdfFile(out.resolve("particles.h5"))) {
            assertArrayEquals(new int[] {3, 8}, h5.getDatasetByPath("position_hist").getDimensions());
            assertArrayEquals(new int[] {3, 8, 32}, h5.getDatasetByPath("joint").getDimensions());
        }
        JsonNode run = summary(out).get("runs").get(0);
        assertEquals("time-stepped", run.get("method").asText());
        assertTrue(run.get("approximate").asBoolean());
        assertEquals(0.02, run.get("dt").asDouble(), 0.0);
        assertEquals(10, run.get("steps").asInt());
        assertTrue(run.get("events").asLong() > 0);
        Path exact = tmp.resolve("exact");
        assertEquals(0, simulate("topo-1d", exact).status());
        JsonNode exactRun = summary(exact).get("runs").get(0);
        assertEquals("exact", exactRun.get("method").asText());
        assertFalse(exactRun.get("approximate").asBoolean());
        assertFalse(exactRun.has("dt"));
    }

    @Test
    void validateRunsTheTimeSteppedParticles() throws IOException {
        Path out = tmp.resolve("validate");
        CommandRunner r = CommandRunner.run("validate", "topo-1d", "--quiet", "--out", out.toString(), "--particles",
                "400,800", "--set", "time.end=0.1", "--set", "time.output_every=0.05", "--set", "grid.x.cells=32",
                "--set", "particles.method=time-stepped", "--set", "particles.dt=0.05");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = summary(out);
        assertEquals(2, summary.get("runs").size());
        assertEquals("time-stepped", summary.get("particle_method").asText());
        assertTrue(summary.get("approximate").asBoolean());
        assertEquals(0.05, summary.get("dt").asDouble(), 0.0);
    }

    /**
     * Builds before particles.method wrote particles.dt = 0.001 into every resolved problem, topological
     * ones included: a run directory of theirs must still resume, so that one value passes for exact.
     */
    @Test
    void theOldResolvedDefaultStepStillRunsTheExactMethod() throws IOException {
        Path out = tmp.resolve("legacy");
        assertEquals(0, simulate("topo-1d", out, "particles.dt=0.001").status());
        assertEquals("exact", summary(out).get("runs").get(0).get("method").asText());
    }

    @Test
    void aMissingStepAStepForTheExactMethodAndAnUnknownMethodAreUserErrorsNamingTheKey() {
        CommandRunner missing = simulate("topo-1d", tmp.resolve("missing"), "particles.method=time-stepped");
        assertEquals(Main.USER_ERROR, missing.status(), missing.err());
        assertTrue(missing.err().startsWith("error: particles.dt"), missing.err());
        CommandRunner onExact = simulate("topo-1d", tmp.resolve("exact"), "particles.dt=0.01");
        assertEquals(Main.USER_ERROR, onExact.status(), onExact.err());
        assertTrue(onExact.err().startsWith("error: particles.dt"), onExact.err());
        assertTrue(onExact.err().contains("time-stepped"), onExact.err());
        CommandRunner unknown = simulate("topo-1d", tmp.resolve("unknown"), "particles.method=stepped");
        assertEquals(Main.USER_ERROR, unknown.status(), unknown.err());
        assertTrue(unknown.err().startsWith("error: particles.method"), unknown.err());
        CommandRunner negative = simulate("topo-1d", tmp.resolve("negative"), "particles.method=time-stepped",
                "particles.dt=-0.1");
        assertEquals(Main.USER_ERROR, negative.status(), negative.err());
        assertTrue(negative.err().startsWith("error: particles.dt"), negative.err());
        CommandRunner plane = simulate("topo-2d", tmp.resolve("plane"), "particles.method=time-stepped",
                "particles.dt=0.1");
        assertEquals(Main.USER_ERROR, plane.status(), plane.err());
        assertTrue(plane.err().startsWith("error: particles.method"), plane.err());
        assertTrue(plane.err().contains("1D only"), plane.err());
        CommandRunner notTopo = CommandRunner.run("simulate", "mv-1d", "--quiet", "--out",
                tmp.resolve("mv").toString(), "--particles", "100", "--set", "time.end=0.1", "--set",
                "particles.method=time-stepped");
        assertEquals(Main.USER_ERROR, notTopo.status(), notTopo.err());
        assertTrue(notTopo.err().startsWith("error: particles.method"), notTopo.err());
    }
}
