package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import meanfield.app.output.zarr.ZarrStore;

/**
 * A data file written whole, in either format: the tables of studies (validation.h5, sweep.h5). Each
 * array has named dimensions, {@code units} and {@code long_name}; the root attributes are text. In
 * a Zarr store the dimension names are stored ({@code _ARRAY_DIMENSIONS}); in HDF5 they are not (jHDF
 * writes no dimension scales), and arrays given with a group path ({@code N100/error_rate/continuum})
 * are written there, for scripts that read HDF5 files of earlier versions; a Zarr store holds only the
 * flat arrays, which carry the same numbers. The file is written under a temporary name and then
 * renamed, so a reader never sees half of it.
 */
public final class DataTable {
    private record Entry(String name, List<String> dims, int[] shape, double[] numbers, String[] strings,
            boolean integer, String units, String longName) {
    }

    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, double[]> grouped = new LinkedHashMap<>();
    private final Map<String, int[]> groupedShapes = new LinkedHashMap<>();

    public DataTable attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** A coordinate: a one-dimensional array named after its dimension. */
    public DataTable coordinate(String name, String units, String longName, double[] values, boolean integer) {
        entries.add(new Entry(name, List.of(name), new int[] {values.length}, values, null, integer, units, longName));
        return this;
    }

    /** Real numbers in row-major order over the named dimensions, of the given shape. */
    public DataTable numbers(String name, String units, String longName, double[] values, int[] shape, String... dims) {
        entries.add(new Entry(name, List.of(dims), shape.clone(), values, null, false, units, longName));
        return this;
    }

    /** Whole numbers (held as doubles), stored as 64-bit integers. */
    public DataTable integers(String name, String units, String longName, double[] values, int[] shape, String... dims) {
        entries.add(new Entry(name, List.of(dims), shape.clone(), values, null, true, units, longName));
        return this;
    }

    /** Text over one dimension. */
    public DataTable strings(String name, String longName, String[] values, String dim) {
        entries.add(new Entry(name, List.of(dim), new int[] {values.length}, null, values, false, "1", longName));
        return this;
    }

    /** An array at a group path, written to HDF5 only (the layout of earlier versions); never an empty one. */
    public DataTable grouped(String path, double[] values, int... shape) {
        grouped.put(path, values);
        groupedShapes.put(path, shape);
        return this;
    }

    /** Writes {@code base} plus the format's extension in {@code dir}; returns its path. */
    public Path write(DataFormat format, Path dir, String base) {
        Path file = dir.resolve(format.file(base));
        Path temporary = dir.resolve(format.file(base) + ".tmp");
        try {
            DirectoryTree.delete(temporary);
            if (format == DataFormat.ZARR) {
                writeZarr(temporary);
                DirectoryTree.delete(file);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } else {
                writeHdf5(temporary);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private void writeZarr(Path dir) {
        ZarrStore store = ZarrStore.create(dir, attributes);
        for (Entry e : entries) {
            Map<String, Object> attrs = ZarrResultFile.annotation(e.units(), e.longName());
            if (e.strings() != null) {
                store.writeStrings(e.name(), e.dims().get(0), e.strings(), attrs);
            } else {
                long[] shape = new long[e.shape().length];
                for (int a = 0; a < shape.length; a++) {
                    shape[a] = e.shape()[a];
                }
                store.writeNumbers(e.name(), e.dims(), shape, e.numbers(), e.integer(), attrs);
            }
        }
        store.consolidate();
    }

    private void writeHdf5(Path path) {
        try (WritableHdfFile h5 = HdfFile.write(path)) {
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                h5.putAttribute(a.getKey(), a.getValue());
            }
            for (Entry e : entries) {
                WritableDataset d;
                if (e.strings() != null) {
                    // jHDF cannot write an empty dataset: an empty column is left out.
                    if (e.strings().length == 0) {
                        continue;
                    }
                    d = h5.putDataset(e.name(), e.strings());
                } else {
                    if (e.numbers().length == 0) {
                        continue;
                    }
                    d = h5.putDataset(e.name(), e.integer() ? NestedArrays.ofIntegers(e.numbers(), e.shape())
                            : NestedArrays.of(e.numbers(), e.shape()));
                }
                d.putAttribute("units", e.units());
                d.putAttribute("long_name", e.longName());
            }
            Map<String, WritableGroup> groups = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> g : grouped.entrySet()) {
                // Groups are made only for a dataset they hold: jHDF writes an unreadable file for an empty group.
                if (g.getValue().length == 0) {
                    continue;
                }
                String[] parts = g.getKey().split("/");
                WritableGroup parent = null;
                StringBuilder at = new StringBuilder();
                for (int i = 0; i < parts.length - 1; i++) {
                    at.append(i == 0 ? "" : "/").append(parts[i]);
                    WritableGroup p = parent;
                    String name = parts[i];
                    parent = groups.computeIfAbsent(at.toString(), k -> p == null ? h5.putGroup(name) : p.putGroup(name));
                }
                Object data = NestedArrays.of(g.getValue(), groupedShapes.get(g.getKey()));
                if (parent == null) {
                    h5.putDataset(parts[0], data);
                } else {
                    parent.putDataset(parts[parts.length - 1], data);
                }
            }
        }
    }
}
