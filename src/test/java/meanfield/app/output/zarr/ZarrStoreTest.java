package meanfield.app.output.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ZarrStoreTest {
    @TempDir
    Path dir;

    @Test
    void numbersComeBackInRowMajorOrderAcrossChunks() {
        ZarrStore store = ZarrStore.create(dir.resolve("a.zarr"), Map.of("problem", "model: nif"));
        // 300 rows of 1000 doubles: 32 rows a chunk (256 KiB / 8000 bytes), ten chunks, the last one padded.
        double[] values = new double[300 * 1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i * 1e-3);
        }
        store.writeNumbers("f", List.of("t", "x"), new long[] {300, 1000}, values, false, Map.of("units", "1"));
        store.consolidate();
        ZarrStore read = ZarrStore.open(dir.resolve("a.zarr"));
        assertEquals(32, read.meta("f").rowsPerChunk());
        assertArrayEquals(values, read.readNumbers("f", 300));
        assertTrue(Files.isRegularFile(dir.resolve("a.zarr/f/9.0")));
        assertEquals("model: nif", read.rootAttributes().get("problem"));
    }

    @Test
    void metadataFollowsZarrVersionTwoWithDimensionNames() throws IOException {
        ZarrStore store = ZarrStore.create(dir.resolve("m.zarr"), Map.of());
        store.writeNumbers("count", List.of("neuron"), new long[] {3}, new double[] {4, 0, 7}, true,
                Map.of("units", "1", "long_name", "spikes"));
        store.writeStrings("task", "task", new String[] {"a=1", "ξ=2"}, Map.of());
        store.consolidate();
        ObjectMapper json = new ObjectMapper();
        JsonNode zarray = json.readTree(dir.resolve("m.zarr/count/.zarray").toFile());
        assertEquals(2, zarray.get("zarr_format").asInt());
        assertEquals("<i8", zarray.get("dtype").asText());
        assertEquals("zlib", zarray.get("compressor").get("id").asText());
        assertEquals("shuffle", zarray.get("filters").get(0).get("id").asText());
        // No fill value for integers: xarray would turn a 0 count into NaN.
        assertTrue(zarray.get("fill_value").isNull());
        JsonNode attrs = json.readTree(dir.resolve("m.zarr/count/.zattrs").toFile());
        assertEquals("neuron", attrs.get("_ARRAY_DIMENSIONS").get(0).asText());
        assertEquals("<U3", json.readTree(dir.resolve("m.zarr/task/.zarray").toFile()).get("dtype").asText());
        JsonNode consolidated = json.readTree(dir.resolve("m.zarr/.zmetadata").toFile());
        assertTrue(consolidated.get("metadata").has("count/.zarray"));
        assertArrayEquals(new double[] {4, 0, 7}, ZarrStore.open(dir.resolve("m.zarr")).readNumbers("count", 3));
    }

    @Test
    void smoothDataIsStoredCompressed() throws IOException {
        ZarrStore store = ZarrStore.create(dir.resolve("c.zarr"), Map.of());
        double[] values = new double[131_072];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, Math.sin(i * 1e-4));
        }
        store.writeNumbers("f", List.of("x"), new long[] {values.length}, values, false, Map.of());
        long stored = Files.size(dir.resolve("c.zarr/f/0"));
        // Half zeros, as in the tails of a density: those compress to nothing, the others hardly (random low bytes).
        assertTrue(stored < 8L * values.length * 6 / 10, "a chunk of " + 8L * values.length + " bytes stored in " + stored);
    }

    @Test
    void shuffleIsInvertedByUnshuffle() {
        byte[] bytes = new byte[64];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        byte[] shuffled = ZarrStore.shuffle(bytes, 8);
        assertEquals(bytes[1], shuffled[8]);
        assertArrayEquals(bytes, ZarrStore.unshuffle(shuffled, 8));
    }
}
