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

class StationaryCommandTest {
    @TempDir
    Path tmp;

    private static final String[] SMALL_BISTABLE = {"--quiet", "--set", "grid.v.order=16", "--set", "grid.v.elements=4"};

    private static CommandRunner stationary(String problem, Path out, String[] small, String... extra) {
        String[] args = new String[3 + small.length + extra.length];
        args[0] = "stationary";
        args[1] = problem;
        System.arraycopy(small, 0, args, 2, small.length);
        args[2 + small.length] = "--out=" + out;
        System.arraycopy(extra, 0, args, 3 + small.length, extra.length);
        return CommandRunner.run(args);
    }

    @Test
    void theRingsStationaryStateIsWrittenWithItsStability() throws IOException {
        Path out = tmp.resolve("ring");
        CommandRunner r = stationary("nif-ring", out, new String[] {"--quiet", "--set", "grid.v.order=12",
            "--set", "grid.xi.cells=8"});
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("stationary mean rate"), r.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("stationary", summary.get("command").asText());
        assertTrue(summary.get("converged").asBoolean());
        assertTrue(summary.get("residual").asDouble() < 1e-10);
        assertTrue(summary.get("stable").asBoolean(), "the ring's state is an attractor of its time-dependent run");
        assertTrue(summary.get("eigenvalues").size() > 0);
        for (JsonNode file : summary.get("files")) {
            assertTrue(Files.size(out.resolve(file.asText())) > 0, file.asText());
        }
        try (HdfFile h5 = new HdfFile(out.resolve("stationary.h5"))) {
            int nodes = 4 * 12 + 1;
            assertArrayEquals(new int[] {8, nodes}, h5.getDatasetByPath("density").getDimensions());
            assertArrayEquals(new int[] {8}, h5.getDatasetByPath("rate").getDimensions());
            assertArrayEquals(new int[] {nodes}, h5.getDatasetByPath("v").getDimensions());
            double[] rate = (double[]) h5.getDatasetByPath("rate").getData();
            double mean = java.util.Arrays.stream(rate).average().orElseThrow();
            assertEquals(summary.get("mean_rate").asDouble(), mean, 1e-12);
        }
    }

    @Test
    void theBistableBranchFoldsOnceAndLosesStabilityThere() throws IOException {
        Path out = tmp.resolve("branch");
        CommandRunner r = stationary("nnlif-bistable", out, SMALL_BISTABLE, "--continue", "parameters.J0", "--from", "0",
                "--to", "4.5", "--steps", "20");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode folds = summary.get("folds");
        assertEquals(1, folds.size(), folds.toString());
        // Siegert's fold is at 4.16455 (solvers' NifContinuationTest checks it to 1e-6 at degree 24).
        assertEquals(4.16455, folds.get(0).get("value").asDouble(), 1e-3);
        JsonNode branch = summary.get("branch");
        assertTrue(branch.size() >= 10, branch.toString());
        assertTrue(branch.get(0).get("stable").asBoolean());
        assertFalse(branch.get(branch.size() - 1).get("stable").asBoolean());
        assertEquals(1, summary.get("stability_changes").size());
        assertTrue(summary.get("end").asText().contains("resolves"), summary.get("end").asText());
        try (HdfFile h5 = new HdfFile(out.resolve("stationary.h5"))) {
            assertArrayEquals(new int[] {branch.size()}, h5.getDatasetByPath("branch_value").getDimensions());
            assertArrayEquals(new int[] {branch.size(), 1}, h5.getDatasetByPath("branch_rates").getDimensions());
            assertArrayEquals(new int[] {1}, h5.getDatasetByPath("fold_value").getDimensions());
        }
        assertTrue(Files.size(out.resolve("bifurcation.png")) > 0);
    }

    @Test
    void beyondTheFoldNewtonFailsWithExitThreeAndKeepsTheLastIterate() {
        Path out = tmp.resolve("none");
        CommandRunner r = stationary("nnlif-bistable", out, SMALL_BISTABLE, "--set", "parameters.J0=6");
        assertEquals(Main.NUMERICAL_FAILURE, r.status(), r.err());
        assertTrue(r.err().contains("residual"), r.err());
        assertTrue(Files.exists(out.resolve("stationary.h5")));
        assertTrue(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void badContinuationsAreRefusedNamingTheOption() {
        String[][] cases = {
            {"--continue", "parameters.J0", "--from", "2", "--to", "2"},
            {"--continue", "nif.drift", "--from", "0", "--to", "1"},
            {"--continue", "nif.nothing", "--from", "0", "--to", "1"},
            {"--continue", "parameters.J0", "--from", "0"},
            {"--continue", "parameters.J0", "--from", "zero", "--to", "1"},
            {"--from", "0", "--to", "1"},
        };
        String[] expected = {"--to", "--continue", "--continue", "--to", "zero", "--from"};
        for (int i = 0; i < cases.length; i++) {
            Path out = tmp.resolve("bad" + i);
            CommandRunner r = stationary("nnlif-bistable", out, SMALL_BISTABLE, cases[i]);
            assertEquals(Main.USER_ERROR, r.status(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out), "a refused run left " + out);
        }
        CommandRunner unused = stationary("nif-ring", tmp.resolve("unused"), new String[] {"--quiet", "--set",
            "parameters.Q=1"}, "--continue", "parameters.Q", "--from", "0", "--to", "1");
        assertEquals(Main.USER_ERROR, unused.status());
        assertTrue(unused.err().contains("used by no formula"), unused.err());
        CommandRunner moving = stationary("nif-ring", tmp.resolve("moving"), new String[] {"--quiet", "--set",
            "nif.drift=-v + 1.2 + sin(t)"});
        assertEquals(Main.USER_ERROR, moving.status());
        assertTrue(moving.err().contains("nif.drift"), moving.err());
        CommandRunner topo = stationary("topo-1d", tmp.resolve("topo"), new String[] {"--quiet"});
        assertEquals(Main.USER_ERROR, topo.status());
        assertTrue(topo.err().contains("model nif only"), topo.err());
    }

    @Test
    void aSelfCouplingMeasureKernelHasTheStationaryStateOfTheSameLocalFunctionKernel() throws IOException {
        Path measure = tmp.resolve("measure");
        Path local = tmp.resolve("local");
        String[] small = {"--quiet", "--set", "grid.v.order=12", "--set", "grid.xi.cells=8", "--set",
            "particles.connectivity=nearest-labels"};
        assertEquals(0, stationary("nif-ring", measure, small, "--set",
                "nif.kernel={measure: [{weight: \"0.4\", map: \"xi\"}]}").status());
        // With xi cells as quadrature nodes, a function kernel reaches label l only through w(xi_l, xi_l) / M.
        String[] dense = {"--quiet", "--set", "grid.v.order=12", "--set", "grid.xi.cells=8"};
        assertEquals(0, stationary("nif-ring", local, dense, "--set", "nif.kernel=3.2 * step(1/16 - abs(xi - zeta))")
                .status());
        JsonNode a = new ObjectMapper().readTree(measure.resolve("summary.json").toFile());
        JsonNode b = new ObjectMapper().readTree(local.resolve("summary.json").toFile());
        assertEquals(b.get("mean_rate").asDouble(), a.get("mean_rate").asDouble(), 1e-10);
    }

    @Test
    void theFiniteVolumesFindTheSameFoldToTheirSecondOrderError() throws IOException {
        Path out = tmp.resolve("fv");
        CommandRunner r = stationary("nnlif-bistable", out, new String[] {"--quiet", "--set", "solver=finite-volume",
            "--set", "grid.v.cells=200"}, "--continue", "parameters.J0", "--from", "3", "--to", "4.5", "--steps", "10");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("finite-volume", summary.get("solver").asText());
        assertEquals(1, summary.get("folds").size());
        // 400 cells measured 4.16252 against the spectral 4.16455: 5e-4 relative, second order in h.
        assertEquals(4.16455, summary.get("folds").get(0).get("value").asDouble(), 1e-2);
        try (HdfFile h5 = new HdfFile(out.resolve("stationary.h5"))) {
            assertArrayEquals(new int[] {1, 200}, h5.getDatasetByPath("density").getDimensions());
        }
    }

    @Test
    void withZarrTheStateIsAStoreWithNamedDimensions() throws IOException {
        Path out = tmp.resolve("zarr");
        CommandRunner r = stationary("nnlif-bistable", out, SMALL_BISTABLE, "--set", "output.format=zarr");
        assertEquals(0, r.status(), r.err());
        Path store = out.resolve("stationary.zarr");
        assertTrue(Files.isDirectory(store));
        String density = Files.readString(store.resolve("density").resolve(".zattrs"));
        assertTrue(density.contains("\"xi\"") && density.contains("\"v\""), density);
        assertFalse(Files.exists(out.resolve("stationary.h5")));
    }
}
