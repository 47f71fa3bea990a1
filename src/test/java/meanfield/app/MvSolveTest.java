package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;

class MvSolveTest {
    @TempDir
    Path tmp;

    @Test
    void builtInMv1dSolvesSmallWithTheOutputsLayout() throws IOException {
        Path out = tmp.resolve("mv");
        CommandRunner r = CommandRunner.run("solve", "mv-1d", "--quiet", "--out", out.toString(), "--set",
                "grid.x.cells=32", "--set", "time.end=0.5", "--set", "time.output_every=0.25");
        assertEquals(0, r.status(), r.err());
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            assertArrayEquals(new int[] {3, 32}, h5.getDatasetByPath("rho").getDimensions());
            assertArrayEquals(new int[] {3, 32}, h5.getDatasetByPath("density").getDimensions());
            double[] x = (double[]) h5.getDatasetByPath("x").getData();
            assertEquals(1.0 / 32, x[1], 0.0);
        }
        assertTrue(new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("mass_error_max").asDouble() < 1e-13);
    }

    @Test
    void twoDimensionalInteractionIsAListOfComponents() {
        CommandRunner r = CommandRunner.run("solve", "mv-1d", "--quiet", "--out", tmp.resolve("mv2").toString(),
                "--set", "mv.dimension=2", "--set", "mv.interaction=[\"-sin(2 * pi * x)\", \"-sin(2 * pi * y)\"]",
                "--set", "mv.initial=1 + 0.2 * cos(2 * pi * x) * cos(2 * pi * y)", "--set", "grid.x.cells=16",
                "--set", "time.end=0.1");
        assertEquals(0, r.status(), r.err());
    }

    @ParameterizedTest(name = "{0} is reported as {1}")
    @CsvSource(delimiter = '|', value = {
        "mv.sigma=-1                       | mv.sigma",
        "mv.interaction=[\"x\", \"x\"]      | mv.interaction",
        "mv.interaction=-sin(2 * pi * y)   | mv.interaction",
        "mv.initial=-1                     | mv.initial",
        "grid.x.cells=33                   | grid.x.cells",
        "solver=finite-volume              | solver",
        "mv.dimension=0                    | mv.dimension",
    })
    void badMvInputIsOneClearMessageNamingTheKey(String assignment, String expected) {
        CommandRunner r = CommandRunner.run("solve", "mv-1d", "--quiet", "--out", tmp.resolve("bad").toString(),
                "--set", "grid.x.cells=16", "--set", "time.end=0.01", "--set", assignment.strip());
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().contains(expected.strip()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
