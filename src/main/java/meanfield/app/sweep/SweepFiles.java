package meanfield.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.knowm.xchart.HeatMapChart;

import meanfield.app.Version;
import meanfield.app.output.DataFormat;
import meanfield.app.output.DataTable;
import meanfield.app.output.HeatMapPlot;
import meanfield.app.output.LinePlot;

/**
 * The merged outputs of a sweep, each written to a temporary file and renamed into place:
 * sweep.csv, sweep.h5 (the same columns as datasets over the dimension {@code task}; sweep.zarr with
 * {@code output.format: zarr}; with the --collect arrays stacked over tasks as {@code collected_NAME}),
 * sweep.png when there is a plot, sweep_heatmap.png when two numeric keys are varied, and summary.json,
 * whose {@code files} lists them.
 */
final class SweepFiles {
    static final String CSV = "sweep.csv";
    /** The data file's name without the format's extension (sweep.h5, sweep.zarr). */
    static final String DATA = "sweep";
    static final String PLOT = "sweep.png";
    static final String HEATMAP = "sweep_heatmap.png";
    /** The result a plot shows when the tasks report it, in this order of preference; else the first result. */
    private static final List<String> HEADLINES = List.of("mean_rate", "observed_order", "fitted_exponent",
            "mass_error_max", "runs.last.spike_count");

    private SweepFiles() {
    }

    static List<Path> write(Path dir, SweepDefinition definition, BaseProblem base, SweepTable table, long startNanos) {
        // Read first: an unknown --collect name is refused before anything is written.
        List<CollectedArrays.Stack> collected = CollectedArrays.read(definition, dir, table);
        List<Path> written = new ArrayList<>();
        written.add(csv(dir.resolve(CSV), table));
        written.add(data(dir, base.format(), definition, table, collected));
        Path plot = plot(dir.resolve(PLOT), table);
        if (plot != null) {
            written.add(plot);
        }
        HeatMapChart heatMap = heatMap(definition, table);
        if (heatMap != null) {
            written.add(save(heatMap, dir.resolve(HEATMAP)));
        }
        written.add(dir.resolve("summary.json"));
        // Also the definition and the task directories (each task's files are in its own summary.json).
        List<String> files = new ArrayList<>(List.of(SweepDefinition.FILE, "tasks"));
        written.forEach(p -> files.add(p.getFileName().toString()));
        summary(dir.resolve("summary.json"), definition, base, table, startNanos, files);
        return written;
    }

    static List<String> header(SweepTable table) {
        List<String> header = new ArrayList<>();
        header.add("task");
        header.addAll(table.parameters());
        header.add("status");
        header.add("wall_seconds");
        header.addAll(table.results());
        return header;
    }

    private static Path csv(Path file, SweepTable table) {
        StringBuilder s = new StringBuilder();
        s.append(String.join(",", header(table).stream().map(SweepFiles::quote).toList())).append('\n');
        for (SweepTable.Row r : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(quote(r.task().name()));
            r.parameterValues().forEach(v -> cells.add(quote(v)));
            cells.add(r.status().label());
            cells.add(number(r.wallSeconds()));
            for (String name : table.results()) {
                cells.add(number(r.results().getOrDefault(name, Double.NaN)));
            }
            s.append(String.join(",", cells)).append('\n');
        }
        AtomicFiles.write(file, s.toString());
        return file;
    }

    /** Full precision (Double.toString round-trips), empty for a missing value. */
    private static String number(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** The table as a data file over the dimension {@code task}: the same columns as sweep.csv. */
    private static Path data(Path dir, DataFormat format, SweepDefinition definition, SweepTable table,
            List<CollectedArrays.Stack> collected) {
        DataTable data = new DataTable().attribute("version", Version.current());
        try {
            data.attribute("definition", new ObjectMapper().writeValueAsString(definition.toMap()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep's definition", e);
        }
        List<SweepTable.Row> rows = table.rows();
        int n = rows.size();
        data.strings("task", "task directory name", rows.stream().map(r -> r.task().name()).toArray(String[]::new),
                "task");
        for (int p = 0; p < table.parameters().size(); p++) {
            int column = p;
            String name = table.parameters().get(p);
            if (table.numericParameters().get(p)) {
                data.numbers(name, "1", "varied parameter " + name, rows.stream()
                        .mapToDouble(r -> Double.parseDouble(r.parameterValues().get(column))).toArray(), new int[] {n},
                        "task");
            } else {
                data.strings(name, "varied parameter " + name, rows.stream()
                        .map(r -> r.parameterValues().get(column)).toArray(String[]::new), "task");
            }
        }
        data.strings("status", "task status", rows.stream().map(r -> r.status().label()).toArray(String[]::new), "task");
        data.numbers("wall_seconds", "s", "wall time of the task", rows.stream()
                .mapToDouble(SweepTable.Row::wallSeconds).toArray(), new int[] {n}, "task");
        for (String name : table.results()) {
            data.numbers(name, "1", "result " + name + " of the task's summary.json (NaN: none)", table.result(name),
                    new int[] {n}, "task");
        }
        CollectedArrays.addTo(data, collected);
        return data.write(format, dir, DATA);
    }

    /**
     * The headline result against the first varied parameter, a line per value of the second (the
     * seed when it is the second column), averaged over any further ones; none when the first
     * parameter is not numeric or no task has the result.
     */
    private static Path plot(Path file, SweepTable table) {
        if (table.parameters().isEmpty() || !table.numericParameters().get(0) || table.results().isEmpty()) {
            return null;
        }
        String y = headline(table);
        Map<String, TreeMap<Double, double[]>> lines = new LinkedHashMap<>();
        for (SweepTable.Row r : table.rows()) {
            double value = r.results().getOrDefault(y, Double.NaN);
            if (Double.isNaN(value)) {
                continue;
            }
            String line = table.parameters().size() > 1
                    ? table.parameters().get(1) + " = " + r.parameterValues().get(1) : y;
            double x = Double.parseDouble(r.parameterValues().get(0));
            double[] sum = lines.computeIfAbsent(line, k -> new TreeMap<>()).computeIfAbsent(x, k -> new double[2]);
            sum[0] += value;
            sum[1]++;
        }
        if (lines.isEmpty()) {
            return null;
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        boolean positive = true;
        for (Map.Entry<String, TreeMap<Double, double[]>> e : lines.entrySet()) {
            double[][] xy = new double[2][e.getValue().size()];
            int i = 0;
            for (Map.Entry<Double, double[]> p : e.getValue().entrySet()) {
                xy[0][i] = p.getKey();
                xy[1][i] = p.getValue()[0] / p.getValue()[1];
                positive &= xy[1][i] > 0;
                i++;
            }
            series.put(e.getKey(), xy);
        }
        // Errors span decades: a log axis when the result is an error and every value is positive.
        boolean logY = positive && (y.contains("error") || y.contains("distance"));
        // XChart names the file itself (it appends .png): a unique temporary name that already ends so.
        Path png = file.resolveSibling("." + PLOT + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".png");
        LinePlot.write(png, y + " against " + table.parameters().get(0), table.parameters().get(0), y, series, logY);
        AtomicFiles.move(png, file);
        return file;
    }

    /** The result the plots show: the first of {@link #HEADLINES} the tasks report, else the first result. */
    private static String headline(SweepTable table) {
        return HEADLINES.stream().filter(table.results()::contains).findFirst().orElse(table.results().get(0));
    }

    /**
     * The headline result over the two varied keys when exactly two are varied and both are numeric:
     * the first on x, the second on y, each in increasing order of its values; a cell is the mean over
     * the seeds of the tasks there, NaN (grey) where none has the result. Null otherwise.
     */
    static HeatMapChart heatMap(SweepDefinition definition, SweepTable table) {
        List<Dimension> dims = definition.dimensions();
        if (dims.size() != 2 || !dims.get(0).numeric() || !dims.get(1).numeric() || table.results().isEmpty()) {
            return null;
        }
        String z = headline(table);
        List<String> xs = increasing(dims.get(0).values());
        List<String> ys = increasing(dims.get(1).values());
        double[][] sum = new double[xs.size()][ys.size()];
        int[][] count = new int[xs.size()][ys.size()];
        for (SweepTable.Row r : table.rows()) {
            double value = r.results().getOrDefault(z, Double.NaN);
            if (Double.isNaN(value)) {
                continue;
            }
            int i = xs.indexOf(r.parameterValues().get(0));
            int j = ys.indexOf(r.parameterValues().get(1));
            sum[i][j] += value;
            count[i][j]++;
        }
        double[][] mean = new double[xs.size()][ys.size()];
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                mean[i][j] = count[i][j] == 0 ? Double.NaN : sum[i][j] / count[i][j];
            }
        }
        String x = dims.get(0).key();
        String y = dims.get(1).key();
        return HeatMapPlot.chart(z + " over " + x + " and " + y, x, y, z, xs, ys, mean);
    }

    private static List<String> increasing(List<String> values) {
        return values.stream().sorted(java.util.Comparator.comparingDouble(Double::parseDouble)).toList();
    }

    private static Path save(HeatMapChart chart, Path file) {
        // XChart names the file itself (it appends .png): a unique temporary name that already ends so.
        Path png = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".png");
        HeatMapPlot.write(png, chart);
        AtomicFiles.move(png, file);
        return file;
    }

    private static void summary(Path file, SweepDefinition definition, BaseProblem base, SweepTable table,
            long startNanos, List<String> files) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("command", "sweep");
        s.put("problem", definition.problem());
        s.put("model", base.model());
        s.put("sweep_command", definition.command());
        s.put("wall_seconds", (System.nanoTime() - startNanos) * 1e-9);
        s.put("tasks", table.counts());
        s.put("parameters", table.parameters());
        s.put("results", table.results());
        s.put("files", files);
        s.put("problem_resolved", base.resolved());
        try {
            AtomicFiles.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
