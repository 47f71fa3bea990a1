package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import meanfield.app.output.zarr.ZarrStore;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;

class ZarrResultFileTest {
    @TempDir
    Path dir;

    private static ResultLayout layout() {
        return new ResultLayout(List.of(Axis.time(), new Axis("x", "1", "position", new double[] {0.25, 0.75}),
                Axis.index("neuron", "neuron index", 3), Axis.lengthAtEnd("spike", "spike")),
                List.of(Variable.perOutput("a", "1", "first", "x"), Variable.perOutput("b", "1", "second"),
                        Variable.constant("count", "1", "per neuron", null, "neuron").asInteger(),
                        Variable.constant("spike_times", "1", "spike times", null, "spike")));
    }

    @Test
    void theStoreHoldsExactlyTheOutputsReachedAfterEveryOutput() {
        Path f = dir.resolve("partial.zarr");
        ZarrResultFile sink = new ZarrResultFile(f, Map.of("version", "x"));
        sink.begin(layout(), 4, 0);
        sink.output(0, 0.0, new double[][] {{1, 2}, {3}});
        sink.output(1, 0.5, new double[][] {{4, 5}, {6}});
        // Read while the run is still going, as after a kill: no finish() yet.
        ZarrStore store = ZarrStore.open(f);
        assertEquals(2, store.meta("t").shape()[0]);
        assertArrayEquals(new double[] {0.0, 0.5}, store.readNumbers("t", 2));
        assertArrayEquals(new double[] {1, 2, 4, 5}, store.readNumbers("a", 2));
        assertFalse(store.has("count"), "known at the end only");
        sink.finish(2, Map.of("count", new double[] {2, 0, 5}, "spike_times", new double[] {0.1, 0.2, 0.2, 0.4,
            0.45, 0.5, 0.5}));
        store = ZarrStore.open(f);
        assertEquals("<i8", store.meta("count").dtype());
        assertArrayEquals(new double[] {2, 0, 5}, store.readNumbers("count", 3));
        assertArrayEquals(new long[] {7}, store.meta("spike_times").shape());
    }

    @Test
    void aResumedRunCutsTheStoreBackToItsCheckpointAndGoesOn() {
        Path f = dir.resolve("resumed.zarr");
        ZarrResultFile first = new ZarrResultFile(f, Map.of());
        first.begin(layout(), 3, 0);
        first.output(0, 0.0, new double[][] {{1, 2}, {3}});
        first.output(1, 0.5, new double[][] {{4, 5}, {6}});
        first.output(2, 1.0, new double[][] {{7, 8}, {9}});
        // Killed before finish; continued from the checkpoint after output 0, to five outputs.
        ZarrResultFile second = new ZarrResultFile(f, Map.of());
        second.begin(layout(), 5, 1);
        assertEquals(1, ZarrStore.open(f).meta("b").shape()[0]);
        RecordedResult memory = new RecordedResult();
        memory.begin(layout(), 5, 0);
        ZarrResultFile.replay(f, layout(), 1, memory);
        assertArrayEquals(new double[] {1, 2}, memory.get("a", 0));
        second.output(1, 0.5, new double[][] {{-4, -5}, {-6}});
        second.output(2, 1.0, new double[][] {{7, 8}, {9}});
        second.output(3, 1.5, new double[][] {{10, 11}, {12}});
        second.output(4, 2.0, new double[][] {{13, 14}, {15}});
        second.finish(5, Map.of());
        ZarrStore store = ZarrStore.open(f);
        assertArrayEquals(new double[] {0.0, 0.5, 1.0, 1.5, 2.0}, store.readNumbers("t", 5));
        assertArrayEquals(new double[] {3, -6, 9, 12, 15}, store.readNumbers("b", 5));
    }

    @Test
    void aRunWithNoOutputLeavesNoStore() {
        Path f = dir.resolve("none.zarr");
        ZarrResultFile sink = new ZarrResultFile(f, Map.of());
        sink.begin(layout(), 3, 0);
        sink.finish(0, Map.of());
        assertFalse(Files.exists(f));
    }

    @Test
    void aSelectionKeepsTheChosenFieldsAndTheLastOutputOfAnother() {
        Path f = dir.resolve("selected.zarr");
        FieldSelection selection = FieldSelection.of(List.of(FieldSelection.Field.parse("a@last"),
                FieldSelection.Field.parse("count")));
        assertTrue(selection.unknown(layout()) == null);
        var sink = selection.applyTo(new ZarrResultFile(f, Map.of()));
        sink.begin(layout(), 2, 0);
        sink.output(0, 0.0, new double[][] {{1, 2}, {3}});
        sink.output(1, 0.5, new double[][] {{4, 5}, {6}});
        sink.finish(2, Map.of("count", new double[] {1, 1, 1}, "spike_times", new double[] {0.2}));
        ZarrStore store = ZarrStore.open(f);
        assertFalse(store.has("b"));
        assertFalse(store.has("spike_times"));
        assertArrayEquals(new long[] {2}, store.meta("a").shape(), "over x only: the last output");
        assertArrayEquals(new double[] {4, 5}, store.readNumbers("a", 2));
        assertTrue(store.has("count"));
        assertEquals("unknown field 'c': this run writes a, b, count, spike_times",
                FieldSelection.of(List.of(FieldSelection.Field.parse("c"))).unknown(layout()));
    }
}
