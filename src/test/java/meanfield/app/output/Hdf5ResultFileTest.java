package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;

class Hdf5ResultFileTest {
    // Non-ASCII on purpose: problem files quote MODEL.md symbols in comments.
    static final String YAML = "model: nif  # w(ξ, ζ)\ngrid:\n  v: {min: -1.5, max: 3.5, cells: 40}\n";
    private static NifSolution solution;
    @TempDir
    static Path shared;
    private static Path file;

    @TempDir
    Path dir;

    @BeforeAll
    static void solve() {
        file = shared.resolve("solution.h5");
        solution = TinyNifProblem.solve(file);
    }

    @Test
    void datasetsHaveTheShapesOfTheOutputsContract() {
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
    void everyDatasetCarriesUnitsAndALongName() {
        try (HdfFile h5 = new HdfFile(file)) {
            for (String name : new String[] {"t", "v", "xi", "rate", "density"}) {
                assertTrue(h5.getDatasetByPath(name).getAttribute("units") != null, name);
                assertTrue(!((String) h5.getDatasetByPath(name).getAttribute("long_name").getData()).isEmpty(), name);
            }
        }
    }

    private static ResultLayout twoVariables() {
        return new ResultLayout(List.of(Axis.time(), new Axis("x", "1", "position", new double[] {0.25, 0.75})),
                List.of(Variable.perOutput("a", "1", "first", "x"), Variable.perOutput("b", "1", "second")));
    }

    @Test
    void fileIsValidAfterEveryOutputWithNaNTimesAfterTheLastOneReached() {
        Path f = dir.resolve("partial.h5");
        Hdf5ResultFile sink = new Hdf5ResultFile(f, Map.of("version", "x"));
        sink.begin(twoVariables(), 4, 0);
        sink.output(0, 0.0, new double[][] {{1, 2}, {3}});
        sink.output(1, 0.5, new double[][] {{4, 5}, {6}});
        // Read while the run is still going, as after a kill: no finish() yet.
        try (HdfFile h5 = new HdfFile(f)) {
            double[] t = (double[]) h5.getDatasetByPath("t").getData();
            assertArrayEquals(new double[] {0.0, 0.5}, Arrays.copyOf(t, 2));
            assertTrue(Double.isNaN(t[2]) && Double.isNaN(t[3]));
            double[][] a = (double[][]) h5.getDatasetByPath("a").getData();
            assertArrayEquals(new double[] {4, 5}, a[1]);
            assertTrue(Double.isNaN(a[2][0]));
        }
        sink.finish(2, Map.of());
        try (HdfFile h5 = new HdfFile(f)) {
            assertArrayEquals(new double[] {0.0, 0.5}, (double[]) h5.getDatasetByPath("t").getData());
            assertArrayEquals(new double[] {3, 6}, (double[]) h5.getDatasetByPath("b").getData());
        }
    }

    @Test
    void continuingWithMoreOutputsKeepsThoseBeforeTheCheckpoint() {
        Path f = dir.resolve("grown.h5");
        Hdf5ResultFile first = new Hdf5ResultFile(f, Map.of());
        first.begin(twoVariables(), 3, 0);
        first.output(0, 0.0, new double[][] {{1, 2}, {3}});
        first.output(1, 0.5, new double[][] {{4, 5}, {6}});
        first.output(2, 1.0, new double[][] {{7, 8}, {9}});
        first.finish(3, Map.of());
        Hdf5ResultFile second = new Hdf5ResultFile(f, Map.of());
        second.begin(twoVariables(), 5, 2);
        second.output(2, 1.0, new double[][] {{-7, -8}, {-9}});
        second.output(3, 1.5, new double[][] {{10, 11}, {12}});
        second.output(4, 2.0, new double[][] {{13, 14}, {15}});
        second.finish(5, Map.of());
        try (HdfFile h5 = new HdfFile(f)) {
            assertArrayEquals(new double[] {0.0, 0.5, 1.0, 1.5, 2.0}, (double[]) h5.getDatasetByPath("t").getData());
            assertArrayEquals(new double[] {3, 6, -9, 12, 15}, (double[]) h5.getDatasetByPath("b").getData());
        }
    }

    @Test
    void continuingInPlaceMarksTheRowsAfterTheCheckpointAsNotReached() {
        Path f = dir.resolve("again.h5");
        Hdf5ResultFile first = new Hdf5ResultFile(f, Map.of());
        first.begin(twoVariables(), 3, 0);
        first.output(0, 0.0, new double[][] {{1, 2}, {3}});
        first.output(1, 0.5, new double[][] {{4, 5}, {6}});
        first.output(2, 1.0, new double[][] {{7, 8}, {9}});
        // Killed before finish; continued from the checkpoint after output 0 with the same number of outputs.
        Hdf5ResultFile second = new Hdf5ResultFile(f, Map.of());
        second.begin(twoVariables(), 3, 1);
        try (HdfFile h5 = new HdfFile(f)) {
            double[] t = (double[]) h5.getDatasetByPath("t").getData();
            assertEquals(0.0, t[0]);
            assertTrue(Double.isNaN(t[1]) && Double.isNaN(t[2]), Arrays.toString(t));
        }
        second.output(1, 0.5, new double[][] {{4, 5}, {6}});
        second.output(2, 1.0, new double[][] {{7, 8}, {9}});
        second.finish(3, Map.of());
        try (HdfFile h5 = new HdfFile(f)) {
            assertArrayEquals(new double[] {0.0, 0.5, 1.0}, (double[]) h5.getDatasetByPath("t").getData());
        }
    }

    @Test
    void aRunWithNoOutputLeavesNoFile() {
        Path f = dir.resolve("none.h5");
        Hdf5ResultFile sink = new Hdf5ResultFile(f, Map.of());
        sink.begin(twoVariables(), 3, 0);
        sink.finish(0, Map.of());
        assertTrue(!java.nio.file.Files.exists(f));
    }

    /** 300 outputs of a 64 x 40 field, zero on half of it as a density's tails: about 6 MB plain. */
    private static Path smoothRun(Path f) {
        ResultLayout layout = new ResultLayout(List.of(Axis.time(), Axis.index("k", "cell", 64),
                new Axis("v", "1", "potential", new double[40])),
                List.of(Variable.perOutput("field", "1", "a smooth field", "k", "v"),
                        Variable.constant("count", "1", "a count per cell", null, "k").asInteger()));
        Hdf5ResultFile sink = new Hdf5ResultFile(f, Map.of());
        sink.begin(layout, 300, 0);
        double[] slice = new double[64 * 40];
        for (int o = 0; o < 300; o++) {
            for (int i = 0; i < slice.length; i++) {
                slice[i] = Math.exp(-0.001 * o) * Math.max(0, Math.sin(0.01 * i));
            }
            sink.output(o, 0.01 * o, new double[][] {slice});
        }
        double[] counts = new double[64];
        Arrays.setAll(counts, i -> 3 * i);
        sink.finish(300, Map.of("count", counts));
        return f;
    }

    @Test
    void aFinishedFileIsChunkedAlongTimeAndCompressed() throws java.io.IOException {
        Path f = smoothRun(dir.resolve("smooth.h5"));
        long plain = 300L * 64 * 40 * 8;
        long size = java.nio.file.Files.size(f);
        assertTrue(size < plain * 6 / 10, "the file holds " + size + " bytes, the field alone " + plain);
        try (HdfFile h5 = new HdfFile(f)) {
            io.jhdf.api.Dataset field = h5.getDatasetByPath("field");
            assertTrue(field instanceof io.jhdf.api.dataset.ChunkedDataset, field.getClass().getName());
            int[] chunk = ((io.jhdf.api.dataset.ChunkedDataset) field).getChunkDimensions();
            // Whole rows, as many as fit in 256 KiB: 256 KiB / (64 x 40 x 8 bytes) = 12.
            assertArrayEquals(new int[] {12, 64, 40}, chunk);
            // Filter 1 is deflate (HDF5 numbers its filters).
            assertTrue(field.getFilters().stream().anyMatch(x -> x.getId() == 1), field.getFilters()
                    .toString());
            double[][][] values = (double[][][]) field.getData();
            assertEquals(Math.exp(-0.001 * 299) * Math.max(0, Math.sin(0.01 * (64 * 40 - 1))), values[299][63][39]);
        }
    }

    @Test
    void integerVariablesAndIndexAxesAreStoredAsIntegers() {
        Path f = smoothRun(dir.resolve("counts.h5"));
        try (HdfFile h5 = new HdfFile(f)) {
            long[] counts = (long[]) h5.getDatasetByPath("count").getData();
            assertEquals(189L, counts[63]);
            assertArrayEquals(new long[] {0, 1, 2}, Arrays.copyOf((long[]) h5.getDatasetByPath("k").getData(), 3));
            assertTrue(h5.getDatasetByPath("field").getData() instanceof double[][][]);
        }
    }

    @Test
    void aFinishedRunContinuesFromItsCompressedFile() {
        Path f = dir.resolve("finished.h5");
        Hdf5ResultFile first = new Hdf5ResultFile(f, Map.of());
        first.begin(twoVariables(), 2, 0);
        first.output(0, 0.0, new double[][] {{1, 2}, {3}});
        first.output(1, 0.5, new double[][] {{4, 5}, {6}});
        first.finish(2, Map.of());
        Hdf5ResultFile second = new Hdf5ResultFile(f, Map.of());
        second.begin(twoVariables(), 2, 1);
        second.output(1, 0.5, new double[][] {{-4, -5}, {-6}});
        second.finish(2, Map.of());
        try (HdfFile h5 = new HdfFile(f)) {
            assertArrayEquals(new double[] {3, -6}, (double[]) h5.getDatasetByPath("b").getData());
        }
    }

    @Test
    void unwritableLocationFailsWithTheFileNamed() {
        Path f = dir.resolve("missing-directory").resolve("solution.h5");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new Hdf5ResultFile(f, Map.of()).begin(twoVariables(), 3, 0));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
}
