package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;

class TopoSolveTest {
    @TempDir
    Path tmp;

    @Test
    void builtInTopo1dSolvesSmallWithTheOutputsLayout() throws IOException {
        Path out = tmp.resolve("t1");
        CommandRunner r = CommandRunner.run("solve", "topo-1d", "--quiet", "--out", out.toString(), "--set",
                "grid.x.cells=16", "--set", "topo.velocities.grid.count=5", "--set", "time.end=0.2", "--set",
                "time.output_every=0.1");
        assertEquals(0, r.status(), r.err());
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            assertArrayEquals(new int[] {3, 16, 5}, h5.getDatasetByPath("density").getDimensions());
            assertArrayEquals(new int[] {3, 16}, h5.getDatasetByPath("rho").getDimensions());
            assertArrayEquals(new int[] {5, 1}, h5.getDatasetByPath("v").getDimensions());
            double[][] marginal = (double[][]) h5.getDatasetByPath("velocity_marginal").getData();
            double sum = 0;
            for (double h : marginal[2]) {
                sum += h;
            }
            assertEquals(1.0, sum, 1e-13);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("topo", summary.get("model").asText());
        assertTrue(summary.get("mass_error_max").asDouble() < 1e-13);
        assertTrue(Files.size(out.resolve("rho_spacetime.png")) > 0);
    }

    @Test
    void builtInTopo2dSolvesSmallWithTheOutputsLayout() {
        Path out = tmp.resolve("t2");
        CommandRunner r = CommandRunner.run("solve", "topo-2d", "--quiet", "--out", out.toString(), "--set",
                "grid.x.cells=8", "--set", "topo.velocities.directions=4", "--set", "time.end=0.1");
        assertEquals(0, r.status(), r.err());
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            int nt = h5.getDatasetByPath("t").getDimensions()[0];
            assertArrayEquals(new int[] {nt, 8, 8, 4}, h5.getDatasetByPath("density").getDimensions());
            assertArrayEquals(new int[] {nt, 8, 8}, h5.getDatasetByPath("rho").getDimensions());
            assertArrayEquals(new int[] {4, 2}, h5.getDatasetByPath("v").getDimensions());
        }
    }

    @Test
    void aFiniteVolumeStepAboveThePositivityLimitIsRefused() {
        CommandRunner r = CommandRunner.run("solve", "topo-1d", "--quiet", "--out", tmp.resolve("dt").toString(),
                "--set", "grid.x.cells=8", "--set", "time.end=0.01", "--set", "solver=finite-volume", "--set", "time.dt=0.5");
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().contains("time.dt") && r.err().contains("positivity"), r.err());
    }

    @Test
    void threeDimensionsNeedFiniteVolumes() {
        CommandRunner r = CommandRunner.run("solve", "topo-1d", "--quiet", "--out", tmp.resolve("3d").toString(),
                "--set", "grid.x.cells=4", "--set", "time.end=0.01", "--set", "topo.dimension=3", "--set",
                "topo.velocities={list: [[1, 0, 0], [0, 0, 1]]}", "--set", "topo.initial=1 + 0.1 * cos(2 * pi * z)");
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().startsWith("error: solver:"), r.err());
        CommandRunner fv = CommandRunner.run("solve", "topo-1d", "--quiet", "--out", tmp.resolve("3dfv").toString(),
                "--set", "grid.x.cells=4", "--set", "time.end=0.01", "--set", "topo.dimension=3", "--set",
                "topo.velocities={list: [[1, 0, 0], [0, 0, 1]]}", "--set", "topo.initial=1 + 0.1 * cos(2 * pi * z)",
                "--set", "solver=finite-volume");
        assertEquals(0, fv.status(), fv.err());
    }

    @ParameterizedTest(name = "{0} is reported as {1}")
    @CsvSource(delimiter = '|', value = {
        "topo.weight=-1                             | topo.weight",
        "topo.weight=0                              | topo.weight",
        "topo.weight=1 - 2 * mm                     | topo.weight",
        "topo.weight={nearest_fraction: {kappa: 2}} | topo.weight",
        "topo.weight={gaussian: {}}                 | topo.weight.gaussian",
        "topo.velocities={list: [[0.1, 0.2]]}       | topo.velocities.list",
        "topo.velocities={list: [[a]]}              | topo.velocities.list",
        "topo.velocities={grid: {min: 1, max: -1}}  | topo.velocities.grid",
        "topo.velocities={speed: 1}                 | topo.velocities",
        "topo.initial=1 + x                         | topo.initial: not periodic",
        "topo.initial=1 + vx                        | topo.initial",
        "topo.dimension=4                           | topo.dimension",
        "grid.x.cells=2                             | grid.x.cells",
        "time.dt=-1                                 | time.dt",
        "solver=spectrall                           | solver",
    })
    void badTopoInputIsOneClearMessageNamingTheKey(String assignment, String expected) {
        CommandRunner r = CommandRunner.run("solve", "topo-1d", "--quiet", "--out", tmp.resolve("bad").toString(),
                "--set", "grid.x.cells=8", "--set", "time.end=0.01", "--set", assignment.strip());
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().contains(expected.strip()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
