package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import meanfield.app.output.zarr.ZarrStore;

/** The problem key output.fields (which variables a run stores) and output.format / --format. */
class OutputFieldsTest {
    private static final String[] SMALL = {"--quiet", "--set", "time.end=0.2", "--set", "time.output_every=0.1",
        "--set", "grid.v.cells=40", "--set", "grid.xi.cells=4"};

    @TempDir
    Path tmp;

    private CommandRunner solve(Path out, String... extra) {
        String[] args = new String[3 + SMALL.length + extra.length];
        args[0] = "solve";
        args[1] = "nif-ring";
        args[2] = "--out=" + out;
        System.arraycopy(SMALL, 0, args, 3, SMALL.length);
        System.arraycopy(extra, 0, args, 3 + SMALL.length, extra.length);
        return CommandRunner.run(args);
    }

    @Test
    void onlyTheNamedFieldsAreStoredAndAtLastKeepsTheLastOutputWithoutTime() {
        CommandRunner all = solve(tmp.resolve("all"));
        assertEquals(0, all.status(), all.err());
        CommandRunner some = solve(tmp.resolve("some"), "--set", "output.fields=[rate]");
        assertEquals(0, some.status(), some.err());
        CommandRunner last = solve(tmp.resolve("last"), "--set", "output.fields=[rate, density@last]");
        assertEquals(0, last.status(), last.err());
        try (HdfFile full = new HdfFile(tmp.resolve("all/solution.h5"));
                HdfFile rate = new HdfFile(tmp.resolve("some/solution.h5"));
                HdfFile final_ = new HdfFile(tmp.resolve("last/solution.h5"))) {
            assertFalse(rate.getChildren().containsKey("density"));
            assertArrayEquals((double[][]) full.getDatasetByPath("rate").getData(),
                    (double[][]) rate.getDatasetByPath("rate").getData());
            double[][][] density = (double[][][]) full.getDatasetByPath("density").getData();
            assertArrayEquals(new int[] {4, 40}, final_.getDatasetByPath("density").getDimensions());
            assertArrayEquals(density[density.length - 1], (double[][]) final_.getDatasetByPath("density").getData());
            // Coordinates are always stored.
            assertTrue(rate.getChildren().keySet().containsAll(java.util.List.of("t", "v", "xi")));
        }
        // The plots come from memory, which holds every variable.
        assertTrue(Files.isRegularFile(tmp.resolve("last/density_final.png")));
    }

    @Test
    void theSelectionAppliesToZarrStoresAndParticleRuns() {
        CommandRunner r = CommandRunner.run("simulate", "nif-ring", "--out=" + tmp.resolve("sim"), "--particles", "64",
                "--format", "zarr", "--quiet", "--set", "time.end=0.2", "--set", "time.output_every=0.1", "--set",
                "output.fields=[spike_count, rate@last]");
        assertEquals(0, r.status(), r.err());
        ZarrStore store = ZarrStore.open(tmp.resolve("sim/particles.zarr"));
        assertEquals(java.util.List.of("label_edges", "label_bin", "neuron", "window_edges", "t", "rate",
                "spike_count"), store.names().stream().sorted((a, b) -> order(a) - order(b)).toList());
        assertEquals("<i8", store.meta("spike_count").dtype());
        assertArrayEquals(new long[] {16}, store.meta("rate").shape());
    }

    /** Coordinates first (as written), then the variables in the layout's order. */
    private static int order(String name) {
        return java.util.List.of("label_edges", "label_bin", "neuron", "window_edges", "t", "rate", "spike_count")
                .indexOf(name);
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheKeyAndTheRunsVariables() {
        Path out = tmp.resolve("bad");
        CommandRunner r = solve(out, "--set", "output.fields=[rate, densty]");
        assertEquals(2, r.status());
        assertEquals("error: output.fields: unknown field 'densty': this run writes rate, density", r.err().trim());
        assertFalse(Files.exists(out), "refused before the directory is made");
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheKey() {
        CommandRunner suffix = solve(tmp.resolve("s"), "--set", "output.fields=[density@first]");
        assertEquals(2, suffix.status());
        assertTrue(suffix.err().startsWith("error: output.fields: 'density@first': the only suffix is @last"), suffix.err());
        CommandRunner twice = solve(tmp.resolve("d"), "--set", "output.fields=[rate, rate@last]");
        assertEquals(2, twice.status());
        assertTrue(twice.err().startsWith("error: output.fields: 'rate' is given more than once"), twice.err());
        CommandRunner empty = solve(tmp.resolve("e"), "--set", "output.fields=[]");
        assertEquals(2, empty.status());
        assertTrue(empty.err().startsWith("error: output.fields: names no field"), empty.err());
        CommandRunner constant = CommandRunner.run("simulate", "nif-ring", "--out=" + tmp.resolve("c"), "--particles",
                "64", "--quiet", "--set", "time.end=0.2", "--set", "output.fields=[label@last]");
        assertEquals(2, constant.status());
        assertTrue(constant.err().startsWith("error: output.fields: 'label@last': label has no time axis"), constant.err());
    }

    @Test
    void aColourRangeIsTakenBySolveAndSimulate() {
        CommandRunner solved = solve(tmp.resolve("cs"), "--set", "output.colour_range.rate=[0, 5]");
        assertEquals(0, solved.status(), solved.err());
        assertTrue(Files.isRegularFile(tmp.resolve("cs/rate_heatmap.png")));
        CommandRunner simulated = CommandRunner.run("simulate", "nif-ring", "--out=" + tmp.resolve("cp"), "--particles",
                "64", "--quiet", "--set", "time.end=0.2", "--set", "output.colour_range.rate=[0, 5]");
        assertEquals(0, simulated.status(), simulated.err());
        assertTrue(Files.isRegularFile(tmp.resolve("cp/particles_rate_heatmap.png")));
    }

    @Test
    void aColourRangeOfAnUnknownQuantityOrWithBadBoundsIsRefusedNamingTheKey() {
        CommandRunner quantity = solve(tmp.resolve("q"), "--set", "output.colour_range.density=[0, 1]");
        assertEquals(2, quantity.status());
        assertEquals("error: output.colour_range.density: no heat map shows 'density'; the quantities are rate, rho",
                quantity.err().trim());
        CommandRunner reversed = solve(tmp.resolve("r"), "--set", "output.colour_range.rate=[5, 0]");
        assertEquals(2, reversed.status());
        assertTrue(reversed.err().startsWith("error: output.colour_range.rate: needs finite low < high"), reversed.err());
        CommandRunner one = solve(tmp.resolve("o"), "--set", "output.colour_range.rate=[1]");
        assertEquals(2, one.status());
        assertTrue(one.err().startsWith("error: output.colour_range.rate: must be [low, high], two numbers"), one.err());
        assertFalse(Files.exists(tmp.resolve("q")) || Files.exists(tmp.resolve("r")) || Files.exists(tmp.resolve("o")));
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheKey() {
        CommandRunner r = solve(tmp.resolve("f"), "--format", "netcdf");
        assertEquals(2, r.status());
        assertEquals("error: output.format: 'netcdf' is not one of hdf5, zarr", r.err().trim());
    }

    @Test
    void aZarrSolveResumesFromItsCheckpointToTheSameStoreAsARunThatWasNeverInterrupted() {
        Path whole = tmp.resolve("whole");
        assertEquals(0, solve(whole, "--format", "zarr", "--set", "time.end=0.4").status());
        Path part = tmp.resolve("part");
        CommandRunner first = solve(part, "--format", "zarr", "--checkpoint-every", "0.1");
        assertEquals(0, first.status(), first.err());
        CommandRunner other = CommandRunner.run("resume", part.toString(), "--quiet", "--set", "output.format=hdf5");
        assertEquals(2, other.status());
        assertTrue(other.err().startsWith("error: output.format: cannot change when resuming: the run writes zarr"),
                other.err());
        CommandRunner resumed = CommandRunner.run("resume", part.toString(), "--quiet", "--set", "time.end=0.4");
        assertEquals(0, resumed.status(), resumed.err());
        ZarrStore a = ZarrStore.open(whole.resolve("solution.zarr"));
        ZarrStore b = ZarrStore.open(part.resolve("solution.zarr"));
        assertArrayEquals(a.meta("density").shape(), b.meta("density").shape());
        for (String name : new String[] {"t", "rate", "density"}) {
            assertArrayEquals(a.readNumbers(name, 5), b.readNumbers(name, 5), name);
        }
    }
}
