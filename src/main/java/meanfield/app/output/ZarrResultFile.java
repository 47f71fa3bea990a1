package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import meanfield.app.output.zarr.ZarrStore;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.result.Variable;

/**
 * Any result as a Zarr store (a directory, {@code solution.zarr}) that xarray opens with named
 * dimensions: every axis with values is a coordinate, every variable names its axes, each with
 * {@code units} and {@code long_name}; the root attributes are text. Time-dependent arrays are
 * chunked along time (whole rows, about 256 KiB a chunk) and compressed.
 * <p>
 * The store grows with the run: an output rewrites the chunk it falls in (the rows of that chunk are
 * kept in memory until it is full), {@code t} last, then sets the length of every time-dependent array
 * to the outputs reached and rewrites the consolidated metadata. Each file is replaced atomically, so
 * a killed run leaves a store that holds exactly the outputs reached, and a resumed run cuts it back
 * to its checkpoint and goes on. Variables known at the end are written by {@link #finish}.
 */
public final class ZarrResultFile implements ResultSink {
    private final Path dir;
    private final Map<String, String> attributes;
    private ZarrStore store;
    private ResultLayout layout;
    /** Per time-dependent variable and then t: the rows of the chunk being filled. */
    private ByteBuffer[] pending;
    private String[] names;
    private boolean[] integer;
    private int rows;

    public ZarrResultFile(Path dir, Map<String, String> attributes) {
        this.dir = dir;
        this.attributes = attributes;
    }

    @Override
    public void begin(ResultLayout resultLayout, int outputs, int first) {
        this.layout = resultLayout;
        List<Variable> perOutput = layout.perOutput();
        names = new String[perOutput.size() + 1];
        integer = new boolean[names.length];
        for (int i = 0; i < perOutput.size(); i++) {
            names[i] = perOutput.get(i).name();
            integer[i] = perOutput.get(i).integer();
        }
        names[perOutput.size()] = Axis.TIME;
        try {
            if (first == 0) {
                if (Files.exists(dir)) {
                    DirectoryTree.delete(dir);
                }
                create();
            } else {
                if (!ZarrStore.isStore(dir)) {
                    throw new IllegalStateException("cannot continue " + dir + ": it does not exist");
                }
                store = ZarrStore.open(dir);
                long held = store.meta(Axis.TIME).shape()[0];
                if (held < first) {
                    throw new IllegalStateException("cannot continue " + dir + ": it holds " + held
                            + " outputs, the checkpoint is after " + first);
                }
            }
            pending = new ByteBuffer[names.length];
            for (int i = 0; i < names.length; i++) {
                ZarrStore.ArrayMeta meta = store.meta(names[i]);
                int rowBytes = 8 * rowSize(meta);
                int perChunk = meta.rowsPerChunk();
                pending[i] = ByteBuffer.allocate(rowBytes * perChunk).order(ByteOrder.LITTLE_ENDIAN);
                long chunk = first / perChunk;
                byte[] kept = first % perChunk == 0 ? null : store.readChunk(names[i], chunk);
                fillNaN(pending[i], integer[i], 0);
                if (kept != null) {
                    // Rows of this chunk before the checkpoint are outputs of the run; those after it are not.
                    System.arraycopy(kept, 0, pending[i].array(), 0, (first % perChunk) * rowBytes);
                }
                // An interrupted run's outputs after the checkpoint are no output of this run until rewritten.
                store.resize(names[i], first);
            }
            store.consolidate();
            rows = first;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static int rowSize(ZarrStore.ArrayMeta meta) {
        long n = 1;
        long[] shape = meta.shape();
        for (int a = 1; a < shape.length; a++) {
            n *= shape[a];
        }
        return Math.toIntExact(n);
    }

    private void create() {
        store = ZarrStore.create(dir, attributes);
        for (Axis axis : layout.axes()) {
            if (axis.hasValues()) {
                store.writeNumbers(axis.name(), List.of(axis.name()), new long[] {axis.length()}, axis.values(),
                        axis.integer(), annotation(axis.units(), axis.longName()));
            }
        }
        Axis time = layout.axis(Axis.TIME);
        store.define(Axis.TIME, List.of(Axis.TIME), new long[] {0}, ZarrStore.rowsPerChunk(8, 0), "<f8",
                annotation(time.units(), time.longName()));
        for (Variable v : layout.variables()) {
            if (v.timeDependent()) {
                int[] slice = layout.shape(v);
                long[] shape = new long[slice.length + 1];
                for (int a = 0; a < slice.length; a++) {
                    shape[a + 1] = slice[a];
                }
                store.define(v.name(), v.dims(), shape, ZarrStore.rowsPerChunk(8L * layout.size(v), 0),
                        v.integer() ? "<i8" : "<f8", annotation(v.units(), v.longName()));
            } else if (v.values() != null) {
                writeConstant(v, v.values());
            }
        }
        store.consolidate();
    }

    private void writeConstant(Variable v, double[] values) {
        long[] shape = new long[v.dims().size()];
        for (int a = 0; a < shape.length; a++) {
            Axis axis = layout.axis(v.dims().get(a));
            // An axis known only at the end is as long as the values say (a variable over it is one-dimensional).
            shape[a] = axis.hasValues() ? axis.length() : values.length;
        }
        store.writeNumbers(v.name(), v.dims(), shape, values, v.integer(), annotation(v.units(), v.longName()));
    }

    static Map<String, Object> annotation(String units, String longName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", units);
        m.put("long_name", longName);
        return m;
    }

    private static void fillNaN(ByteBuffer buffer, boolean integer, int fromByte) {
        for (int at = fromByte; at < buffer.capacity(); at += 8) {
            if (integer) {
                buffer.putLong(at, 0L);
            } else {
                buffer.putDouble(at, Double.NaN);
            }
        }
    }

    @Override
    public void output(int index, double t, double[][] slices) {
        for (int i = 0; i < names.length; i++) {
            ZarrStore.ArrayMeta meta = store.meta(names[i]);
            int perChunk = meta.rowsPerChunk();
            int row = index % perChunk;
            if (row == 0) {
                fillNaN(pending[i], integer[i], 0);
            }
            ByteBuffer buffer = pending[i];
            if (i < slices.length) {
                double[] slice = slices[i];
                int at = row * 8 * slice.length;
                for (int k = 0; k < slice.length; k++) {
                    if (integer[i]) {
                        buffer.putLong(at + 8 * k, (long) slice[k]);
                    } else {
                        buffer.putDouble(at + 8 * k, slice[k]);
                    }
                }
            } else {
                buffer.putDouble(row * 8, t);
            }
            store.writeChunk(names[i], index / perChunk, buffer.array());
        }
        for (String name : names) {
            store.resize(name, index + 1L);
        }
        store.consolidate();
        rows = index + 1;
    }

    @Override
    public void finish(int outputsReached, Map<String, double[]> finalValues) {
        try {
            if (outputsReached == 0) {
                // No output time: a store without outputs would look like a run's data.
                DirectoryTree.delete(dir);
                return;
            }
            if (outputsReached != rows) {
                for (String name : names) {
                    store.resize(name, outputsReached);
                }
            }
            for (Variable v : layout.variables()) {
                double[] values = finalValues.get(v.name());
                if (!v.timeDependent() && v.values() == null && values != null) {
                    writeConstant(v, values);
                }
            }
            for (Map.Entry<String, double[]> extra : finalValues.entrySet()) {
                if (layout.variables().stream().noneMatch(v -> v.name().equals(extra.getKey()))) {
                    // A value the layout does not name has an axis of its own.
                    store.writeNumbers(extra.getKey(), List.of(extra.getKey() + "_index"),
                            new long[] {extra.getValue().length}, extra.getValue(), false, Map.of());
                }
            }
            store.consolidate();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Feeds the first {@code count} outputs of a store to a sink, as the run that wrote them did: how a
     * resumed run gets the outputs before its checkpoint back into memory. A variable the store does not
     * hold (left out by {@code output.fields}) is given as NaN.
     */
    public static void replay(Path dir, ResultLayout layout, int count, ResultSink sink) {
        ZarrStore store = ZarrStore.open(dir);
        double[] times = store.readNumbers(Axis.TIME, count);
        List<Variable> perOutput = layout.perOutput();
        List<double[]> values = new ArrayList<>();
        for (Variable v : perOutput) {
            boolean held = store.has(v.name()) && store.meta(v.name()).shape().length == v.dims().size();
            values.add(held ? store.readNumbers(v.name(), count) : null);
        }
        double[][] slices = new double[perOutput.size()][];
        for (int o = 0; o < count; o++) {
            for (int i = 0; i < slices.length; i++) {
                int size = layout.size(perOutput.get(i));
                if (values.get(i) == null) {
                    slices[i] = new double[size];
                    Arrays.fill(slices[i], Double.NaN);
                } else {
                    slices[i] = Arrays.copyOfRange(values.get(i), o * size, (o + 1) * size);
                }
            }
            sink.output(o, times[o], slices);
        }
    }

    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException(new IOException("cannot write " + dir + ": " + e.getMessage(), e));
    }
}
