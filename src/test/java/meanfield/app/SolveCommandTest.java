package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;

class SolveCommandTest {
    @TempDir
    Path tmp;

    private static final String[] SMALL_RING = {"--quiet", "--set", "grid.v.cells=60", "--set", "grid.xi.cells=8",
        "--set", "time.end=0.5", "--set", "time.output_every=0.1"};

    private CommandRunner solveRing(Path out, String... extra) {
        String[] args = new String[3 + SMALL_RING.length + extra.length];
        args[0] = "solve";
        args[1] = "nif-ring";
        System.arraycopy(SMALL_RING, 0, args, 2, SMALL_RING.length);
        args[2 + SMALL_RING.length] = "--out=" + out;
        System.arraycopy(extra, 0, args, 3 + SMALL_RING.length, extra.length);
        return CommandRunner.run(args);
    }

    @Test
    void builtInRingSolvesSmallAndWritesDataSummaryAndPlots() throws IOException {
        Path out = tmp.resolve("ring");
        CommandRunner r = solveRing(out);
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (String key : new String[] {"command", "problem", "model", "wall_seconds", "problem_resolved", "solver",
            "t_end", "steps", "mass_error_max", "min_density"}) {
            assertTrue(summary.has(key), "summary.json lacks " + key);
        }
        assertEquals("solve", summary.get("command").asText());
        assertEquals(0.5, summary.get("t_end").asDouble(), 0.0);
        assertTrue(summary.get("mass_error_max").asDouble() < 1e-12);
        assertTrue(summary.get("min_density").asDouble() >= 0);
        assertEquals(60, summary.get("problem_resolved").get("grid").get("v").get("cells").asInt());
        assertEquals(meanfield.solvers.nif.NifSolver.DEFAULT_TOLERANCE, summary.get("problem_resolved").get("time").get("tolerance").asDouble());
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            assertArrayEquals(new int[] {6, 8, 60}, h5.getDatasetByPath("density").getDimensions());
            assertArrayEquals(new int[] {6, 8}, h5.getDatasetByPath("rate").getDimensions());
        }
        for (String png : new String[] {"rate_heatmap.png", "population_rate.png", "density_final.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 0, png);
        }
    }

    @Test
    void oneAndTwoThreadsWriteIdenticalSolutions() {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, solveRing(one, "--threads", "1").status());
        assertEquals(0, solveRing(two, "--threads", "2").status());
        try (HdfFile a = new HdfFile(one.resolve("solution.h5")); HdfFile b = new HdfFile(two.resolve("solution.h5"))) {
            for (String name : new String[] {"t", "rate", "density"}) {
                assertTrue(java.util.Objects.deepEquals(a.getDatasetByPath(name).getData(),
                        b.getDatasetByPath(name).getData()), name + " differs between 1 and 2 threads");
            }
        }
    }

    @Test
    void blowUpStopsWithStatusThreeAndKeepsTheOutputsReached() throws IOException {
        Path out = tmp.resolve("blowup");
        // Exponential escape noise with strong excitation: the rate runs away within t < 1.
        CommandRunner r = solveRing(out, "--set", "nif.rate=exp(4 * (v - 1))", "--set", "nif.kernel=8",
                "--set", "time.end=3", "--set", "grid.v.max=8", "--set", "grid.v.cells=120");
        assertEquals(Main.NUMERICAL_FAILURE, r.status(), r.err());
        assertTrue(r.err().contains("at t = "), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.get("completed").asBoolean());
        double reached = summary.get("t_end").asDouble();
        assertTrue(reached < 3.0, "stopped at " + reached);
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            double[] t = (double[]) h5.getDatasetByPath("t").getData();
            assertEquals(reached, t[t.length - 1], 0.0);
        }
    }

    @Test
    void aTooNarrowVDomainIsReportedAsAWarning() throws IOException {
        Path out = tmp.resolve("narrow");
        CommandRunner r = solveRing(out, "--set", "grid.v.min=-0.3", "--set", "grid.v.cells=40");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning:") && r.err().contains("widen grid.v"), r.err());
        assertTrue(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).has("warnings"));
        assertFalse(solveRing(tmp.resolve("wide")).err().contains("warning"));
    }

    @Test
    void everyCommandPrintsItsHelp() {
        CommandRunner solve = CommandRunner.run("solve", "--help");
        assertEquals(0, solve.status(), solve.err());
        assertTrue(solve.out().contains("--set") && solve.out().contains("--threads"), solve.out());
        assertEquals(0, CommandRunner.run("problems", "--help").status());
    }

    @Test
    void problemsListsTheBuiltIns() {
        CommandRunner r = CommandRunner.run("problems");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("nif-ring"), r.out());
    }

    @Test
    void theBistableBuiltInSolvesSmallWithTheSpectralSolverAndItsNodes() throws IOException {
        Path out = tmp.resolve("bistable");
        CommandRunner r = CommandRunner.run(new String[] {"solve", "nnlif-bistable", "--quiet", "--out=" + out, "--set",
            "solver=spectral", "--set", "grid.v.order=12", "--set", "grid.v.elements=3", "--set", "time.end=0.5",
            "--set", "time.output_every=0.25"});
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("spectral", summary.get("solver").asText());
        assertEquals("ark4-imex", summary.get("scheme").asText());
        assertTrue(summary.get("mass_error_max").asDouble() < 1e-13);
        assertEquals(37, summary.get("grid").get("v_nodes").asInt());
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            assertArrayEquals(new int[] {3, 1, 37}, h5.getDatasetByPath("density").getDimensions());
            double[] v = (double[]) h5.getDatasetByPath("v").getData();
            assertEquals(-1.5, v[0]);
            assertEquals(1.0, v[36]);
            assertEquals(0.0, v[24], "a node sits at v_R (two elements of three on its left, by length)");
        }
    }
}
