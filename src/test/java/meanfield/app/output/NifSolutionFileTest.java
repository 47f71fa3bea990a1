package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import meanfield.solvers.nif.NifSolution;

class NifSolutionFileTest {
    // Non-ASCII on purpose: problem files quote MODEL.md symbols in comments.
    private static final String YAML = "model: nif  # w(ξ, ζ)\ngrid:\n  v: {min: -1.5, max: 3.5, cells: 40}\n";
    private static NifSolution solution;

    @TempDir
    Path dir;

    @BeforeAll
    static void solve() {
        solution = TinyNifProblem.solve();
    }

    @Test
    void datasetsHaveTheShapesOfTheOutputsContract() {
        Path file = dir.resolve("solution.h5");
        NifSolutionFile.write(file, solution, YAML, "1.2.3");
        int nt = solution.outputCount();
        try (HdfFile h5 = new HdfFile(file)) {
            assertArrayEquals(new int[] {nt}, h5.getDatasetByPath("t").getDimensions());
            assertArrayEquals(new int[] {TinyNifProblem.NV}, h5.getDatasetByPath("v").getDimensions());
            assertArrayEquals(new int[] {TinyNifProblem.NXI}, h5.getDatasetByPath("xi").getDimensions());
            assertArrayEquals(new int[] {nt, TinyNifProblem.NXI}, h5.getDatasetByPath("rate").getDimensions());
            assertArrayEquals(new int[] {nt, TinyNifProblem.NXI, TinyNifProblem.NV},
                    h5.getDatasetByPath("density").getDimensions());
        }
    }

    @Test
    void valuesReadBackEqualTheSolution() {
        Path file = dir.resolve("solution.h5");
        NifSolutionFile.write(file, solution, YAML, "1.2.3");
        try (HdfFile h5 = new HdfFile(file)) {
            assertArrayEquals(solution.times(), (double[]) h5.getDatasetByPath("t").getData());
            assertArrayEquals(solution.vGrid().centers(), (double[]) h5.getDatasetByPath("v").getData());
            assertArrayEquals(solution.labelGrid().centers(), (double[]) h5.getDatasetByPath("xi").getData());
            double[][] rate = (double[][]) h5.getDatasetByPath("rate").getData();
            double[][][] density = (double[][][]) h5.getDatasetByPath("density").getData();
            for (int i = 0; i < solution.outputCount(); i++) {
                assertArrayEquals(solution.rate(i), rate[i]);
                for (int l = 0; l < TinyNifProblem.NXI; l++) {
                    for (int k = 0; k < TinyNifProblem.NV; k++) {
                        // Label-major in memory, [t][xi][v] in the file.
                        assertEquals(solution.density(i)[l * TinyNifProblem.NV + k], density[i][l][k]);
                    }
                }
            }
        }
    }

    @Test
    void rootAttributesHoldTheProblemYamlAndTheVersion() {
        Path file = dir.resolve("solution.h5");
        NifSolutionFile.write(file, solution, YAML, "1.2.3");
        try (HdfFile h5 = new HdfFile(file)) {
            assertEquals(YAML, h5.getAttribute("problem").getData());
            assertEquals("1.2.3", h5.getAttribute("version").getData());
        }
    }

    @Test
    void fixtureHasDistinctRatesInEveryLabelSoMixedUpAxesWouldShow() {
        assertTrue(solution.outputCount() >= 3);
        double[] last = solution.rate(solution.outputCount() - 1);
        assertEquals(last.length, Arrays.stream(last).distinct().count());
    }

    @Test
    void unwritableLocationFailsWithTheFileNamed() {
        Path file = dir.resolve("missing-directory").resolve("solution.h5");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> NifSolutionFile.write(file, solution, YAML, "1.2.3"));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
