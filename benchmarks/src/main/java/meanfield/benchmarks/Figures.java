package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The machine-readable results of a whole-run benchmark, for {@code meanfield bench}: every figure
 * beside its yardstick from the same JVM, written as a JSON array by {@code --json FILE} (Jackson):
 * one object per figure with the keys benchmark, case, metric, value, unit, yardstick,
 * yardstick_value, yardstick_unit and ratio (measured / yardstick, or null where the two are not in
 * the same unit).
 */
final class Figures {
    /** One measured figure and its yardstick; NaN where a figure has no yardstick or no ratio. */
    record Figure(String benchmark, String label, String metric, double value, String unit, String yardstick,
            double yardstickValue, String yardstickUnit, double ratio) {
    }

    private final String benchmark;
    private final List<Figure> figures = new ArrayList<>();

    Figures(String benchmark) {
        this.benchmark = benchmark;
    }

    void add(String label, String metric, double value, String unit, String yardstick, double yardstickValue,
            String yardstickUnit, double ratio) {
        figures.add(new Figure(benchmark, label, metric, value, unit, yardstick, yardstickValue, yardstickUnit, ratio));
    }

    /** Writes the figures to {@code file}; does nothing when {@code file} is null (no --json given). */
    void write(Path file) throws IOException {
        if (file == null) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure x : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("benchmark", x.benchmark());
            row.put("case", x.label());
            row.put("metric", x.metric());
            row.put("value", number(x.value()));
            row.put("unit", x.unit());
            row.put("yardstick", x.yardstick());
            row.put("yardstick_value", number(x.yardstickValue()));
            row.put("yardstick_unit", x.yardstickUnit());
            row.put("ratio", number(x.ratio()));
            rows.add(row);
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
    }

    /** The value of a {@code --json FILE} option at {@code args[a]}. */
    static Path path(String[] args, int a) {
        if (a >= args.length) {
            throw new IllegalArgumentException("--json needs a file");
        }
        return Path.of(args[a]);
    }

    /** JSON has no NaN or infinity: a missing yardstick or ratio is null. */
    private static Double number(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
