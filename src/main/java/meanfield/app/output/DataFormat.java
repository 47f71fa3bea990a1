package meanfield.app.output;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;

/**
 * The format of a run's data files ({@code output.format}, or {@code --format}): HDF5 files
 * ({@code solution.h5}; h5py, and xarray without dimension names) or Zarr stores
 * ({@code solution.zarr}, directories; xarray with named dimensions and coordinates, zarr-python).
 */
public enum DataFormat {
    HDF5("hdf5", ".h5"),
    ZARR("zarr", ".zarr");

    private final String key;
    private final String extension;

    DataFormat(String key, String extension) {
        this.key = key;
        this.extension = extension;
    }

    /** The value of {@code output.format}. */
    public String key() {
        return key;
    }

    /** The file name of a data file: {@code base} and the format's extension. */
    public String file(String base) {
        return base + extension;
    }

    /** The values {@code output.format} takes. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(DataFormat::key).toList();
    }

    public static DataFormat named(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no data format " + key));
    }

    /** The streaming writer of a run's data file in this format. */
    public ResultSink sink(Path file, Map<String, String> attributes) {
        return this == ZARR ? new ZarrResultFile(file, attributes) : new Hdf5ResultFile(file, attributes);
    }

    /** Feeds the first {@code count} outputs of a data file of this format to a sink (a resumed run's memory). */
    public void replay(Path file, ResultLayout layout, int count, ResultSink sink) {
        if (this == ZARR) {
            ZarrResultFile.replay(file, layout, count, sink);
        } else {
            Hdf5ResultFile.replay(file, layout, count, sink);
        }
    }
}
