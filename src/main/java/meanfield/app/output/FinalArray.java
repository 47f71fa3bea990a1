package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import meanfield.app.output.zarr.ZarrStore;

/**
 * A named numeric array of a run directory's data files (solution.h5, particles*.h5, stationary.h5,
 * validation.h5, ... or their .zarr stores), at the run's last output time when it has a time axis:
 * what {@code sweep --collect NAME} stacks over tasks. The files are searched in name order and the
 * first that holds the array wins. An array has a time axis when its first axis is {@code t}: in a
 * Zarr store by its dimension names, in HDF5 (which keeps none) when the file has a one-dimensional
 * {@code t} as long as the array's first axis. The last output time is the last finite {@code t}
 * (a run's file is laid out for every output it will reach, NaN until reached).
 *
 * @param file the data file it came from (its name)
 * @param dims names of the remaining axes (Zarr's; {@code NAME_axis1, ...} from HDF5)
 * @param shape the shape without the time axis (empty for a scalar)
 * @param values row-major values
 * @param units the array's {@code units} attribute ("1" when none)
 * @param longName its {@code long_name} (the name when none)
 * @param time the output time taken, NaN when the array has no time axis
 */
public record FinalArray(String file, List<String> dims, int[] shape, double[] values, String units, String longName,
        double time) {
    private static final String TIME = "t";

    /** The array in {@code runDirectory}'s data files, or null when none holds it as numbers (or it has no output yet). */
    public static FinalArray read(Path runDirectory, String name) {
        if (!Files.isDirectory(runDirectory)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(runDirectory)) {
            files = s.filter(p -> (p.getFileName().toString().endsWith(".h5") && Files.isRegularFile(p))
                    || (p.getFileName().toString().endsWith(".zarr") && ZarrStore.isStore(p))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runDirectory, e);
        }
        for (Path f : files) {
            FinalArray a = f.getFileName().toString().endsWith(".zarr") ? zarr(f, name) : hdf5(f, name);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    private static FinalArray hdf5(Path file, String name) {
        try (HdfFile h5 = new HdfFile(file)) {
            Node node;
            try {
                node = h5.getByPath(name);
            } catch (io.jhdf.exceptions.HdfInvalidPathException absent) {
                return null;
            }
            if (!(node instanceof Dataset d) || !isNumeric(d.getJavaType())) {
                return null;
            }
            int[] dimensions = d.getDimensions();
            double[] times = null;
            if (!name.equals(TIME) && dimensions.length >= 1 && h5.getChildren().get(TIME) instanceof Dataset t
                    && t.getDimensions().length == 1 && t.getDimensions()[0] == dimensions[0]
                    && isNumeric(t.getJavaType())) {
                times = flat(t.getDataFlat());
            }
            String units = attribute(d, "units", "1");
            String longName = attribute(d, "long_name", name);
            if (times == null) {
                List<String> dims = new ArrayList<>();
                for (int a = 0; a < dimensions.length; a++) {
                    dims.add(name + "_axis" + (a + 1));
                }
                return new FinalArray(file.getFileName().toString(), dims, dimensions,
                        d.isScalar() ? new double[] {((Number) d.getData()).doubleValue()} : flat(d.getDataFlat()),
                        units, longName, Double.NaN);
            }
            int last = lastFinite(times);
            if (last < 0) {
                return null;
            }
            int[] rest = Arrays.copyOfRange(dimensions, 1, dimensions.length);
            long[] offset = new long[dimensions.length];
            offset[0] = last;
            int[] slice = dimensions.clone();
            slice[0] = 1;
            double[] values;
            try {
                values = flatten(d.getData(offset, slice));
            } catch (RuntimeException sliceUnsupported) {
                double[] all = flat(d.getDataFlat());
                int row = all.length / dimensions[0];
                values = Arrays.copyOfRange(all, last * row, (last + 1) * row);
            }
            List<String> dims = new ArrayList<>();
            for (int a = 1; a < dimensions.length; a++) {
                dims.add(name + "_axis" + a);
            }
            return new FinalArray(file.getFileName().toString(), dims, rest, values, units, longName, times[last]);
        }
    }

    @SuppressWarnings("unchecked")
    private static FinalArray zarr(Path dir, String name) {
        ZarrStore store = ZarrStore.open(dir);
        if (!store.has(name) || store.meta(name).dtype().startsWith("<U")) {
            return null;
        }
        ZarrStore.ArrayMeta meta = store.meta(name);
        long[] shape = meta.shape();
        Object dimAttribute = meta.attributes().get("_ARRAY_DIMENSIONS");
        List<String> dims = dimAttribute instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
        String units = String.valueOf(meta.attributes().getOrDefault("units", "1"));
        String longName = String.valueOf(meta.attributes().getOrDefault("long_name", name));
        int[] whole = new int[shape.length];
        for (int a = 0; a < shape.length; a++) {
            whole[a] = Math.toIntExact(shape[a]);
        }
        boolean timed = !name.equals(TIME) && shape.length >= 1 && !dims.isEmpty() && dims.get(0).equals(TIME)
                && store.has(TIME);
        if (!timed) {
            if (dims.size() != shape.length) {
                dims = new ArrayList<>();
                for (int a = 0; a < shape.length; a++) {
                    dims.add(name + "_axis" + (a + 1));
                }
            }
            return new FinalArray(dir.getFileName().toString(), dims, whole,
                    store.readNumbers(name, shape.length == 0 ? 1 : shape[0]), units, longName, Double.NaN);
        }
        double[] times = store.readNumbers(TIME, store.meta(TIME).shape()[0]);
        int last = lastFinite(Arrays.copyOf(times, Math.min(times.length, whole[0])));
        if (last < 0) {
            return null;
        }
        double[] rows = store.readNumbers(name, last + 1);
        int row = rows.length / (last + 1);
        return new FinalArray(dir.getFileName().toString(), dims.subList(1, dims.size()),
                Arrays.copyOfRange(whole, 1, whole.length), Arrays.copyOfRange(rows, last * row, (last + 1) * row),
                units, longName, times[last]);
    }

    private static int lastFinite(double[] times) {
        for (int i = times.length - 1; i >= 0; i--) {
            if (Double.isFinite(times[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNumeric(Class<?> type) {
        return type == double.class || type == float.class || type == long.class || type == int.class
                || type == short.class || type == byte.class;
    }

    private static String attribute(Dataset d, String key, String fallback) {
        io.jhdf.api.Attribute a = d.getAttribute(key);
        if (a == null) {
            return fallback;
        }
        Object v = a.getData();
        return v instanceof String[] s && s.length > 0 ? s[0] : String.valueOf(v);
    }

    /** A flat primitive array of any numeric type as doubles. */
    private static double[] flat(Object array) {
        int n = Array.getLength(array);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(array, i)).doubleValue();
        }
        return out;
    }

    /** A nested primitive array (row-major) as flat doubles. */
    private static double[] flatten(Object nested) {
        List<double[]> parts = new ArrayList<>();
        collect(nested, parts);
        return NestedArrays.concatenate(parts);
    }

    private static void collect(Object a, List<double[]> parts) {
        if (a.getClass().getComponentType().isArray()) {
            for (int i = 0; i < Array.getLength(a); i++) {
                collect(Array.get(a, i), parts);
            }
        } else {
            parts.add(flat(a));
        }
    }
}
