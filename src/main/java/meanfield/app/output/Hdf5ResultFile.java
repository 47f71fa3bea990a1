package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.FloatingPoint;
import meanfield.app.output.zarr.ZarrStore;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.result.Variable;

/**
 * Any result as an HDF5 file that is valid at every moment of the run, written by jHDF: one
 * dataset per axis (but time), per variable and {@code t}, each with {@code units} and
 * {@code long_name} attributes, and the root attributes given (the resolved problem, the version).
 * <p>
 * jHDF writes whole files and cannot extend a dataset, so the file is created once with every
 * time-dependent dataset at its full length (one row per output time the run will reach) filled
 * with NaN, and each output is then written in place, into the contiguous storage of its rows,
 * {@code t} last: a row whose {@code t} is a number is complete. A killed run leaves a file that any
 * HDF5 reader opens, holding every output reached, with NaN in {@code t} after them. When the run
 * ends (completed, failed or stopped) the file is written once more, whole, to a temporary file that
 * replaces it atomically, trimmed to the outputs reached, with the values known only at the end, and
 * compressed: every dataset of at least {@link #COMPRESSED_FROM} values chunked along its first axis
 * (time, for the variables of a run; whole rows, about 256 KiB a chunk), byte-shuffled and deflated. Compressed
 * chunks cannot be written in place, hence the plain layout while the run goes. This costs one write
 * of the data per output plus one at the end, instead of rewriting the whole history at every output.
 * Integer variables are stored as 64-bit integers; axes without values (known only at the end) are not
 * stored, and HDF5 has no names for dimensions that jHDF can write (see {@link ZarrResultFile}).
 */
public final class Hdf5ResultFile implements ResultSink {
    /** Deflate level: 5 compresses these fields nearly as well as 9, at a fraction of the time. */
    private static final int LEVEL = 5;
    /** Smaller datasets are stored plainly: a chunk index and a filter pipeline would outweigh them. */
    static final int COMPRESSED_FROM = 256;
    private final Path file;
    private final Map<String, String> attributes;
    private ResultLayout layout;
    private int rows;
    private FileChannel channel;
    private long timeAddress;
    private long[] addresses;
    private ByteBuffer[] buffers;
    private ByteBuffer timeBuffer;

    public Hdf5ResultFile(Path file, Map<String, String> attributes) {
        this.file = file;
        this.attributes = attributes;
    }

    @Override
    public void begin(ResultLayout resultLayout, int outputs, int first) {
        this.layout = resultLayout;
        this.rows = outputs;
        try {
            if (first == 0 || !Files.exists(file)) {
                if (first > 0) {
                    throw new IllegalStateException("cannot continue " + file + ": it does not exist");
                }
                create(0, null, Map.of(), false);
            } else if (rowsIn(file) != outputs || !plain(file, layout)) {
                // The end time changed, or the run ended and compressed its file: laid out anew for writing in place.
                create(first, read(file, layout, first), Map.of(), false);
            }
            open();
            // Rows after the checkpoint that an interrupted run wrote are no output of this run until rewritten.
            for (int row = first; row < outputs; row++) {
                timeBuffer.clear();
                timeBuffer.putDouble(0, Double.NaN);
                writeFully(timeBuffer, timeAddress + 8L * row);
            }
        } catch (IOException | HdfException e) {
            throw failure(e);
        }
    }

    @Override
    public void output(int index, double t, double[][] slices) {
        try {
            List<Variable> perOutput = layout.perOutput();
            for (int i = 0; i < perOutput.size(); i++) {
                ByteBuffer buffer = buffers[i];
                buffer.clear();
                buffer.asDoubleBuffer().put(slices[i]);
                writeFully(buffer, addresses[i] + (long) index * buffer.capacity());
            }
            timeBuffer.clear();
            timeBuffer.putDouble(0, t);
            writeFully(timeBuffer, timeAddress + 8L * index);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void finish(int outputsReached, Map<String, double[]> finalValues) {
        try {
            channel.close();
            if (outputsReached == 0) {
                // No output time: a file of NaN would look like data.
                Files.deleteIfExists(file);
            } else {
                Prefix prefix = read(file, layout, outputsReached);
                rows = outputsReached;
                create(outputsReached, prefix, finalValues, true);
            }
        } catch (IOException | HdfException e) {
            throw failure(e);
        }
    }

    private UncheckedIOException failure(Exception e) {
        return new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** The first rows of t and of every time-dependent variable of a file. */
    private record Prefix(double[] times, List<double[]> values) {
    }

    /** Output times a result file has room for. */
    static int rowsIn(Path path) {
        try (HdfFile h5 = new HdfFile(path)) {
            return h5.getDatasetByPath(Axis.TIME).getDimensions()[0];
        }
    }

    /** Whether the time-dependent datasets lie in contiguous storage that outputs can be written into. */
    private static boolean plain(Path path, ResultLayout layout) {
        try (HdfFile h5 = new HdfFile(path)) {
            if (!(h5.getDatasetByPath(Axis.TIME) instanceof ContiguousDataset)) {
                return false;
            }
            for (Variable v : layout.perOutput()) {
                if (h5.getChildren().containsKey(v.name())
                        && !(h5.getDatasetByPath(v.name()) instanceof ContiguousDataset)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The first rows of t and of every time-dependent variable of a file; NaN for a variable the file
     * does not hold over time (left out, or kept at the last output only, by {@code output.fields}).
     */
    private static Prefix read(Path path, ResultLayout layout, int count) {
        try (HdfFile h5 = new HdfFile(path)) {
            double[] times = Arrays.copyOf((double[]) h5.getDatasetByPath(Axis.TIME).getDataFlat(), count);
            List<double[]> values = new ArrayList<>();
            for (Variable v : layout.perOutput()) {
                double[] all = null;
                if (h5.getChildren().containsKey(v.name())) {
                    Dataset d = h5.getDatasetByPath(v.name());
                    if (d.getDimensions().length == v.dims().size()) {
                        all = (double[]) d.getDataFlat();
                    }
                }
                if (all == null) {
                    all = new double[count * layout.size(v)];
                    Arrays.fill(all, Double.NaN);
                }
                values.add(Arrays.copyOf(all, count * layout.size(v)));
            }
            return new Prefix(times, values);
        }
    }

    /**
     * Feeds the first {@code count} outputs of a result file to a sink, as the run that wrote them
     * did: how a resumed run gets the outputs before its checkpoint back into memory.
     */
    public static void replay(Path path, ResultLayout layout, int count, ResultSink sink) {
        Prefix prefix = read(path, layout, count);
        List<Variable> perOutput = layout.perOutput();
        double[][] slices = new double[perOutput.size()][];
        for (int o = 0; o < count; o++) {
            for (int i = 0; i < slices.length; i++) {
                int size = layout.size(perOutput.get(i));
                slices[i] = Arrays.copyOfRange(prefix.values().get(i), o * size, (o + 1) * size);
            }
            sink.output(o, prefix.times()[o], slices);
        }
    }

    /**
     * Writes the whole file (rows of NaN after the prefix) to a temporary file that then replaces it:
     * contiguous while the run goes, chunked and compressed at its end.
     */
    private void create(int filled, Prefix prefix, Map<String, double[]> finalValues, boolean compressed)
            throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (WritableHdfFile h5 = HdfFile.write(temporary)) {
            double[] times = new double[rows];
            Arrays.fill(times, Double.NaN);
            if (prefix != null) {
                System.arraycopy(prefix.times(), 0, times, 0, filled);
            }
            Axis time = layout.axis(Axis.TIME);
            annotate(put(h5, Axis.TIME, times, false, new int[] {rows}, compressed), time.units(), time.longName());
            for (Axis axis : layout.axes()) {
                if (axis.hasValues()) {
                    annotate(put(h5, axis.name(), axis.values(), axis.integer(), new int[] {axis.length()}, compressed),
                            axis.units(), axis.longName());
                }
            }
            List<Variable> perOutput = layout.perOutput();
            for (Variable v : layout.variables()) {
                int[] shape;
                double[] values;
                if (v.timeDependent()) {
                    shape = layout.shape(v);
                    values = new double[rows * layout.size(v)];
                    Arrays.fill(values, Double.NaN);
                    if (prefix != null) {
                        double[] known = prefix.values().get(perOutput.indexOf(v));
                        System.arraycopy(known, 0, values, 0, filled * layout.size(v));
                    }
                    int[] withTime = new int[shape.length + 1];
                    withTime[0] = rows;
                    System.arraycopy(shape, 0, withTime, 1, shape.length);
                    shape = withTime;
                } else {
                    values = v.values() != null ? v.values() : finalValues.get(v.name());
                    // jHDF cannot write an empty dataset (spike times of a run without a spike): it is left out.
                    if (values == null || values.length == 0) {
                        continue;
                    }
                    shape = new int[v.dims().size()];
                    for (int a = 0; a < shape.length; a++) {
                        Axis axis = layout.axis(v.dims().get(a));
                        // An axis known only at the end is as long as the values (a variable over it is one-dimensional).
                        shape[a] = axis.hasValues() ? axis.length() : values.length;
                    }
                }
                annotate(put(h5, v.name(), values, v.integer(), shape, compressed), v.units(), v.longName());
            }
            for (Map.Entry<String, double[]> extra : finalValues.entrySet()) {
                if (extra.getValue().length > 0
                        && layout.variables().stream().noneMatch(v -> v.name().equals(extra.getKey()))) {
                    h5.putDataset(extra.getKey(), extra.getValue());
                }
            }
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                h5.putAttribute(a.getKey(), a.getValue());
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A dataset of flat row-major values; chunked along its first axis and compressed when asked and large enough. */
    private static WritableDataset put(WritableHdfFile h5, String name, double[] values, boolean integer, int[] shape,
            boolean compressed) {
        Object data = integer ? NestedArrays.ofIntegers(values, shape) : NestedArrays.of(values, shape);
        if (!compressed || values.length < COMPRESSED_FROM) {
            return h5.putDataset(name, data);
        }
        int[] chunk = shape.clone();
        chunk[0] = ZarrStore.rowsPerChunk(8L * (values.length / shape[0]), shape[0]);
        return h5.putDataset(name, data, DatasetCreationOptions.builder().chunkDimensions(chunk).shuffle().deflate(LEVEL)
                .build());
    }

    private static void annotate(WritableDataset dataset, String units, String longName) {
        dataset.putAttribute("units", units);
        dataset.putAttribute("long_name", longName);
    }

    /** Finds where the rows of t and of each time-dependent variable are stored, and opens the file for writing. */
    private void open() throws IOException {
        List<Variable> perOutput = layout.perOutput();
        addresses = new long[perOutput.size()];
        buffers = new ByteBuffer[perOutput.size()];
        ByteOrder order;
        try (HdfFile h5 = new HdfFile(file)) {
            Map<String, Long> found = new LinkedHashMap<>();
            Dataset time = h5.getDatasetByPath(Axis.TIME);
            order = ((FloatingPoint) time.getDataType()).getByteOrder();
            found.put(Axis.TIME, address(time));
            for (Variable v : perOutput) {
                found.put(v.name(), address(h5.getDatasetByPath(v.name())));
            }
            timeAddress = found.get(Axis.TIME);
            for (int i = 0; i < perOutput.size(); i++) {
                addresses[i] = found.get(perOutput.get(i).name());
                buffers[i] = ByteBuffer.allocateDirect(8 * layout.size(perOutput.get(i))).order(order);
            }
        }
        timeBuffer = ByteBuffer.allocateDirect(8).order(order);
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    private static long address(Dataset dataset) {
        if (!(dataset instanceof ContiguousDataset contiguous)) {
            throw new IllegalStateException("dataset " + dataset.getName() + " is not stored contiguously");
        }
        return contiguous.getDataAddress();
    }
}
