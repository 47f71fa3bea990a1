package meanfield.app.output.zarr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One Zarr v2 group on disk with its arrays, chunked along their first axis only (time, for the
 * variables of a run): a chunk is a block of whole rows. Every file is written to a temporary name
 * and renamed over the old one, so a reader, or a run killed at any moment, sees each file either
 * as it was or as it is now; {@link #consolidate()} rewrites {@code .zmetadata} from the metadata
 * in memory. Values are little-endian doubles ({@code <f8}), 64-bit integers ({@code <i8}) or
 * fixed-length unicode strings ({@code <U}n, UTF-32).
 */
public final class ZarrStore {
    /**
     * Rows per chunk are chosen so that a chunk holds about this many bytes before compression (at least
     * one row). A growing store rewrites the chunk being filled at every output, so a chunk of R rows
     * costs R/2 rows' compression per output: 256 KiB keeps fields of 200 KB a row (P1's density) at one
     * row a chunk (nif-ring, 101 outputs: 5.1 s for the whole command against 7.3 s with 1 MiB chunks,
     * 4.5 s for a plain HDF5 file), and is still large enough for reading and for deflate.
     */
    public static final int CHUNK_BYTES = 1 << 18;
    private static final int LEVEL = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** An array's metadata: shape, rows per chunk, dtype and attributes (with its dimension names). */
    public static final class ArrayMeta {
        private final long[] shape;
        private final int rowsPerChunk;
        private final String dtype;
        private final Map<String, Object> attributes;

        ArrayMeta(long[] shape, int rowsPerChunk, String dtype, Map<String, Object> attributes) {
            this.shape = shape.clone();
            this.rowsPerChunk = rowsPerChunk;
            this.dtype = dtype;
            this.attributes = attributes;
        }

        public long[] shape() {
            return shape.clone();
        }

        public int rowsPerChunk() {
            return rowsPerChunk;
        }

        public String dtype() {
            return dtype;
        }

        /** The array's attributes: units, long_name and its dimension names ({@code _ARRAY_DIMENSIONS}). */
        public Map<String, Object> attributes() {
            return java.util.Collections.unmodifiableMap(attributes);
        }

        /** Bytes of one element. */
        int itemSize() {
            return dtype.startsWith("<U") ? 4 * Integer.parseInt(dtype.substring(2)) : 8;
        }

        /** Elements in one row (the product of every axis but the first). */
        long rowSize() {
            long n = 1;
            for (int a = 1; a < shape.length; a++) {
                n *= shape[a];
            }
            return n;
        }

        Map<String, Object> zarray() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zarr_format", 2);
            m.put("shape", shape);
            long[] chunks = shape.clone();
            chunks[0] = rowsPerChunk;
            m.put("chunks", chunks);
            m.put("dtype", dtype);
            m.put("compressor", Map.of("id", "zlib", "level", LEVEL));
            m.put("fill_value", dtype.equals("<f8") ? "NaN" : null);
            m.put("order", "C");
            m.put("filters", dtype.startsWith("<U") ? null : List.of(Map.of("id", "shuffle", "elementsize", 8)));
            return m;
        }
    }

    private final Path dir;
    private final Map<String, Object> rootAttributes;
    private final Map<String, ArrayMeta> arrays = new LinkedHashMap<>();

    private ZarrStore(Path dir, Map<String, Object> rootAttributes) {
        this.dir = dir;
        this.rootAttributes = rootAttributes;
    }

    /** A new, empty group at {@code dir} (which must not exist, or be an empty directory) with these root attributes. */
    public static ZarrStore create(Path dir, Map<String, ?> attributes) {
        ZarrStore store = new ZarrStore(dir, new LinkedHashMap<>(attributes));
        try {
            Files.createDirectories(dir);
            store.writeJson(dir.resolve(".zgroup"), Map.of("zarr_format", 2));
            store.writeJson(dir.resolve(".zattrs"), store.rootAttributes);
        } catch (IOException e) {
            throw failure(dir, e);
        }
        return store;
    }

    /** An existing group, from its consolidated metadata. */
    @SuppressWarnings("unchecked")
    public static ZarrStore open(Path dir) {
        try {
            Map<String, Object> consolidated = JSON.readValue(dir.resolve(".zmetadata").toFile(), Map.class);
            Map<String, Object> metadata = (Map<String, Object>) consolidated.get("metadata");
            Map<String, Object> root = (Map<String, Object>) metadata.getOrDefault(".zattrs", Map.of());
            ZarrStore store = new ZarrStore(dir, new LinkedHashMap<>(root));
            for (Map.Entry<String, Object> e : metadata.entrySet()) {
                if (e.getKey().endsWith("/.zarray")) {
                    String name = e.getKey().substring(0, e.getKey().length() - "/.zarray".length());
                    Map<String, Object> zarray = (Map<String, Object>) e.getValue();
                    Map<String, Object> attrs = (Map<String, Object>) metadata.getOrDefault(name + "/.zattrs", Map.of());
                    List<Number> shape = (List<Number>) zarray.get("shape");
                    List<Number> chunks = (List<Number>) zarray.get("chunks");
                    store.arrays.put(name, new ArrayMeta(shape.stream().mapToLong(Number::longValue).toArray(),
                            chunks.get(0).intValue(), (String) zarray.get("dtype"), new LinkedHashMap<>(attrs)));
                }
            }
            return store;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot read the Zarr store " + dir + ": " + e.getMessage(), e));
        }
    }

    /** Whether a directory holds a Zarr group. */
    public static boolean isStore(Path dir) {
        return Files.isRegularFile(dir.resolve(".zgroup"));
    }

    public Path dir() {
        return dir;
    }

    public Map<String, Object> rootAttributes() {
        return Map.copyOf(rootAttributes);
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    public ArrayMeta meta(String name) {
        ArrayMeta m = arrays.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no array " + name + " in " + dir);
        }
        return m;
    }

    /** Rows of at most {@link #CHUNK_BYTES} (at least one) for rows of {@code rowBytes}, no more than {@code rows} when positive. */
    public static int rowsPerChunk(long rowBytes, long rows) {
        long r = Math.max(1, CHUNK_BYTES / Math.max(1, rowBytes));
        if (rows > 0) {
            r = Math.min(r, rows);
        }
        return (int) Math.min(r, Integer.MAX_VALUE);
    }

    /**
     * Declares an array (its .zarray and .zattrs; no chunk yet): {@code dims} name its axes,
     * {@code attributes} are stored beside them (units, long_name).
     */
    public void define(String name, List<String> dims, long[] shape, int rowsPerChunk, String dtype,
            Map<String, Object> attributes) {
        if (dims.size() != shape.length || shape.length == 0) {
            throw new IllegalArgumentException("array " + name + ": " + dims.size() + " dimension names for shape "
                    + Arrays.toString(shape));
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("_ARRAY_DIMENSIONS", List.copyOf(dims));
        attrs.putAll(attributes);
        ArrayMeta meta = new ArrayMeta(shape, rowsPerChunk, dtype, attrs);
        arrays.put(name, meta);
        try {
            Files.createDirectories(dir.resolve(name));
            writeJson(dir.resolve(name).resolve(".zattrs"), attrs);
            writeJson(dir.resolve(name).resolve(".zarray"), meta.zarray());
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /** Sets the length of an array's first axis (its chunks beyond are left, outside the shape). */
    public void resize(String name, long rows) {
        ArrayMeta old = meta(name);
        long[] shape = old.shape();
        shape[0] = rows;
        ArrayMeta meta = new ArrayMeta(shape, old.rowsPerChunk, old.dtype, old.attributes);
        arrays.put(name, meta);
        try {
            writeJson(dir.resolve(name).resolve(".zarray"), meta.zarray());
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /** Writes .zmetadata: what xarray and zarr read first (they do not list the directory). */
    public void consolidate() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(".zgroup", Map.of("zarr_format", 2));
        metadata.put(".zattrs", rootAttributes);
        for (Map.Entry<String, ArrayMeta> e : arrays.entrySet()) {
            metadata.put(e.getKey() + "/.zarray", e.getValue().zarray());
            metadata.put(e.getKey() + "/.zattrs", e.getValue().attributes);
        }
        Map<String, Object> consolidated = new LinkedHashMap<>();
        consolidated.put("zarr_consolidated_format", 1);
        consolidated.put("metadata", metadata);
        try {
            writeJson(dir.resolve(".zmetadata"), consolidated);
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /** Chunk {@code index} (rows index*R to (index+1)*R) from its elements' bytes, little-endian, padded to R rows. */
    public void writeChunk(String name, long index, byte[] raw) {
        ArrayMeta meta = meta(name);
        long expected = meta.rowsPerChunk * meta.rowSize() * meta.itemSize();
        if (raw.length != expected) {
            throw new IllegalArgumentException("chunk of " + name + " has " + raw.length + " bytes, expected " + expected);
        }
        byte[] filtered = meta.dtype.startsWith("<U") ? raw : shuffle(raw, 8);
        try {
            writeAtomically(chunkPath(name, index), deflate(filtered));
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /** The bytes of chunk {@code index}, or null when it was never written. */
    public byte[] readChunk(String name, long index) {
        ArrayMeta meta = meta(name);
        Path path = chunkPath(name, index);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            byte[] raw = inflate(Files.readAllBytes(path), (int) (meta.rowsPerChunk * meta.rowSize() * meta.itemSize()));
            return meta.dtype.startsWith("<U") ? raw : unshuffle(raw, 8);
        } catch (IOException | DataFormatException e) {
            throw new UncheckedIOException(new IOException("cannot read chunk " + index + " of " + name + " in " + dir
                    + ": " + e.getMessage(), e));
        }
    }

    /** Declares and writes a whole array of doubles (integers when {@code integer}) in row-major order. */
    public void writeNumbers(String name, List<String> dims, long[] shape, double[] values, boolean integer,
            Map<String, Object> attributes) {
        long rowSize = 1;
        for (int a = 1; a < shape.length; a++) {
            rowSize *= shape[a];
        }
        int rows = rowsPerChunk(8 * rowSize, shape[0]);
        define(name, dims, shape, rows, integer ? "<i8" : "<f8", attributes);
        long chunkValues = rows * rowSize;
        for (long c = 0; c * chunkValues < values.length; c++) {
            ByteBuffer buffer = ByteBuffer.allocate((int) (8 * chunkValues)).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < chunkValues; i++) {
                long at = c * chunkValues + i;
                double x = at < values.length ? values[(int) at] : Double.NaN;
                if (integer) {
                    buffer.putLong(at < values.length ? (long) x : 0L);
                } else {
                    buffer.putDouble(x);
                }
            }
            writeChunk(name, c, buffer.array());
        }
    }

    /** Declares and writes a one-dimensional array of strings (fixed-length unicode, the longest string's length). */
    public void writeStrings(String name, String dim, String[] values, Map<String, Object> attributes) {
        int length = 1;
        for (String s : values) {
            length = Math.max(length, s.codePointCount(0, s.length()));
        }
        int rows = rowsPerChunk(4L * length, values.length);
        define(name, List.of(dim), new long[] {values.length}, rows, "<U" + length, attributes);
        for (int c = 0; (long) c * rows < values.length; c++) {
            ByteBuffer buffer = ByteBuffer.allocate(4 * length * rows).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows; r++) {
                int at = c * rows + r;
                int[] points = at < values.length ? values[at].codePoints().toArray() : new int[0];
                for (int k = 0; k < length; k++) {
                    buffer.putInt(k < points.length ? points[k] : 0);
                }
            }
            writeChunk(name, c, buffer.array());
        }
    }

    /** The first {@code rows} rows of an array as doubles (integers converted), NaN where no chunk was written. */
    public double[] readNumbers(String name, long rows) {
        ArrayMeta meta = meta(name);
        long rowSize = meta.rowSize();
        double[] out = new double[Math.toIntExact(rows * rowSize)];
        Arrays.fill(out, Double.NaN);
        long chunkValues = meta.rowsPerChunk * rowSize;
        for (long c = 0; c * chunkValues < out.length; c++) {
            byte[] raw = readChunk(name, c);
            if (raw == null) {
                continue;
            }
            ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < chunkValues && c * chunkValues + i < out.length; i++) {
                out[(int) (c * chunkValues + i)] = meta.dtype.equals("<i8") ? buffer.getLong() : buffer.getDouble();
            }
        }
        return out;
    }

    private Path chunkPath(String name, long index) {
        StringBuilder key = new StringBuilder(Long.toString(index));
        for (int a = 1; a < meta(name).shape.length; a++) {
            key.append(".0");
        }
        return dir.resolve(name).resolve(key.toString());
    }

    private void writeJson(Path path, Object value) throws IOException {
        try {
            writeAtomically(path, JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
    }

    private static void writeAtomically(Path path, byte[] bytes) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** numcodecs' Shuffle: byte j of element i goes to j * count + i, which groups the exponents of doubles together. */
    static byte[] shuffle(byte[] in, int size) {
        int count = in.length / size;
        byte[] out = new byte[in.length];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < size; j++) {
                out[j * count + i] = in[i * size + j];
            }
        }
        return out;
    }

    static byte[] unshuffle(byte[] in, int size) {
        int count = in.length / size;
        byte[] out = new byte[in.length];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < size; j++) {
                out[i * size + j] = in[j * count + i];
            }
        }
        return out;
    }

    private static byte[] deflate(byte[] in) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(in);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, in.length / 4));
            byte[] block = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(block, 0, deflater.deflate(block));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] in, int size) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in);
            byte[] out = new byte[size];
            int at = 0;
            while (at < size && !inflater.finished()) {
                int n = inflater.inflate(out, at, size - at);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                at += n;
            }
            if (at != size) {
                throw new DataFormatException("the chunk holds " + at + " bytes, expected " + size);
            }
            return out;
        } finally {
            inflater.end();
        }
    }

    private static UncheckedIOException failure(Path dir, IOException e) {
        return new UncheckedIOException(new IOException("cannot write " + dir + ": " + e.getMessage(), e));
    }

    /** The names of the arrays, in the order they were declared. */
    public List<String> names() {
        return new ArrayList<>(arrays.keySet());
    }
}
