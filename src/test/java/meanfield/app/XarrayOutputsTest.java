package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.jhdf.HdfFile;

/**
 * Every data file opens in a real xarray in one line, as a user's notebook would: a small solve of
 * each model and a small simulate, written as Zarr stores ({@code --format zarr}), are opened with
 * {@code xarray.open_zarr} in a Python subprocess, which reports each variable's dimensions, the
 * coordinates, the units and long names, the root attributes' types and the last value of each
 * variable; those are checked against the layout and against the same run written as HDF5 and read by
 * jHDF. The HDF5 files open in xarray too (h5netcdf, without dimension names). Skipped, with a message,
 * where /usr/bin/python3 lacks xarray or zarr (Debian: python3-xarray python3-zarr python3-h5netcdf).
 */
class XarrayOutputsTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = String.join("\n",
            "import json, sys, warnings",
            "warnings.simplefilter('ignore')",
            "import xarray as xr",
            "out = {}",
            "for path in sys.argv[1:]:",
            "    ds = xr.open_zarr(path) if path.endswith('.zarr') else xr.open_dataset(path, engine='h5netcdf', phony_dims='access')",
            "    out[path] = {",
            "        'dims': {k: list(v.dims) for k, v in ds.variables.items()},",
            "        'coords': sorted(ds.coords),",
            "        'attrs': {k: {a: v.attrs[a] for a in ('units', 'long_name') if a in v.attrs} for k, v in ds.variables.items()},",
            "        'root': {k: type(v).__name__ for k, v in ds.attrs.items()},",
            "        'dtypes': {k: str(v.dtype) for k, v in ds.variables.items()},",
            "        'last': {k: float(v.values.ravel()[-1]) for k, v in ds.variables.items() if v.size and v.dtype.kind in 'fiu'},",
            "    }",
            "print(json.dumps(out))",
            "");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void pythonWithXarray() throws Exception {
        boolean present = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c",
                "import xarray, zarr, h5netcdf").redirectErrorStream(true).start().waitFor() == 0;
        Assumptions.assumeTrue(present, "xarray, zarr or h5netcdf is not installed for /usr/bin/python3 (apt-get install"
                + " python3-xarray python3-zarr python3-h5netcdf): the data files were not opened in xarray");
    }

    /** What xarray reports of each file, by path. */
    private static JsonNode xarray(Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", SCRIPT));
        for (Path f : files) {
            command.add(f.toString());
        }
        Process p = new ProcessBuilder(command).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), errors);
        return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(printed);
    }

    /** Runs a command twice, as zarr and as hdf5; returns the two data files. */
    private static Path[] run(String name, String file, String... args) {
        Path[] files = new Path[2];
        String[] formats = {"zarr", "hdf5"};
        for (int i = 0; i < 2; i++) {
            Path out = tmp.resolve(name + "-" + formats[i]);
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--quiet", "--out=" + out, "--format=" + formats[i]));
            CommandRunner r = CommandRunner.run(all.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            files[i] = out.resolve(file + (i == 0 ? ".zarr" : ".h5"));
        }
        return files;
    }

    /**
     * The Zarr store's variables have the dimensions given, every variable has units and a long name,
     * the coordinates are those given, the root attributes are text, and the last value of each
     * variable equals the HDF5 file's (read by jHDF) and xarray's reading of the HDF5 file.
     */
    private static void check(Path[] files, Map<String, List<String>> dims, List<String> coords,
            Map<String, String> dtypes) throws Exception {
        JsonNode both = xarray(files);
        JsonNode zarr = both.get(files[0].toString());
        JsonNode h5 = both.get(files[1].toString());
        for (Map.Entry<String, List<String>> e : dims.entrySet()) {
            List<String> found = new ArrayList<>();
            zarr.get("dims").get(e.getKey()).forEach(d -> found.add(d.asText()));
            assertEquals(e.getValue(), found, e.getKey() + " in " + files[0]);
        }
        TreeSet<String> foundCoords = new TreeSet<>();
        zarr.get("coords").forEach(c -> foundCoords.add(c.asText()));
        assertEquals(new TreeSet<>(coords), foundCoords, "coordinates of " + files[0]);
        zarr.get("attrs").fields().forEachRemaining(v -> {
            assertTrue(!v.getValue().path("units").asText().isEmpty(), v.getKey() + " has no units");
            assertTrue(!v.getValue().path("long_name").asText().isEmpty(), v.getKey() + " has no long_name");
        });
        for (JsonNode root : List.of(zarr.get("root"), h5.get("root"))) {
            assertEquals("str", root.get("problem").asText(), "the problem attribute comes back as text");
            assertEquals("str", root.get("version").asText());
        }
        dtypes.forEach((name, dtype) -> assertEquals(dtype, zarr.get("dtypes").get(name).asText(), name));
        try (HdfFile jhdf = new HdfFile(files[1])) {
            for (String name : dims.keySet()) {
                Object flat = jhdf.getDatasetByPath(name).getDataFlat();
                double last = flat instanceof long[] l ? l[l.length - 1] : ((double[]) flat)[((double[]) flat).length - 1];
                assertEquals(last, zarr.get("last").get(name).asDouble(), name + ": xarray's zarr against jHDF's HDF5");
                assertEquals(last, h5.get("last").get(name).asDouble(), name + ": xarray's HDF5 against jHDF's HDF5");
            }
        }
    }

    @Test
    void aNifSolveOpensWithNamedDimensions() throws Exception {
        Path[] files = run("nif", "solution", "solve", "nif-ring", "--set", "time.end=0.2", "--set", "grid.v.cells=40",
                "--set", "grid.xi.cells=8");
        check(files, Map.of("rate", List.of("t", "xi"), "density", List.of("t", "xi", "v"), "t", List.of("t"),
                "xi", List.of("xi"), "v", List.of("v")), List.of("t", "xi", "v"), Map.of("density", "float64"));
    }

    @Test
    void aTopoSolveOpensWithNamedDimensions() throws Exception {
        Path[] files = run("topo", "solution", "solve", "topo-2d", "--set", "time.end=0.05", "--set",
                "grid.x.cells=8", "--set", "topo.velocities={directions: 4, speed: 1}");
        check(files, Map.of("rho", List.of("t", "x", "y"), "density", List.of("t", "x", "y", "velocity"),
                "velocity_marginal", List.of("t", "velocity"), "v", List.of("velocity", "component")),
                List.of("t", "x", "y", "velocity", "component"), Map.of("velocity", "int64"));
    }

    @Test
    void anMvSolveOpensWithNamedDimensions() throws Exception {
        Path[] files = run("mv", "solution", "solve", "mv-1d", "--set", "time.end=0.1", "--set", "grid.x.cells=32");
        check(files, Map.of("rho", List.of("t", "x"), "density", List.of("t", "x")), List.of("t", "x"), Map.of());
    }

    @Test
    void aNifSimulateOpensWithNamedDimensionsAndIntegerCounts() throws Exception {
        Path[] files = run("sim", "particles", "simulate", "nif-ring", "--particles", "200", "--set", "time.end=0.2",
                "--set", "time.output_every=0.1", "--set", "particles.bins=4");
        check(files, Map.of("rate", List.of("t", "label_bin"), "label", List.of("neuron"), "v_final", List.of("neuron"),
                "spike_count", List.of("neuron"), "spike_times", List.of("spike"), "spike_neurons", List.of("spike")),
                List.of("t", "label_bin", "label_edges", "window_edges", "neuron"),
                Map.of("spike_count", "int64", "spike_neurons", "int64", "neuron", "int64"));
    }
}
