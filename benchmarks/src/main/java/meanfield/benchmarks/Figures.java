package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The machine-readable results of a whole-run benchmark, for {@code meanfield bench}: every figure
 * beside its yardstick from the same JVM, written as a JSON array by {@code --json FILE}. Written by
 * hand because this module has no JSON library and the layout is flat: one object per figure with
 * the keys benchmark, case, metric, value, unit, yardstick, yardstick_value, yardstick_unit and
 * ratio (measured / yardstick, or null where the two are not in the same unit).
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
        StringBuilder json = new StringBuilder("[\n");
        for (int f = 0; f < figures.size(); f++) {
            Figure x = figures.get(f);
            json.append("  {\"benchmark\": ").append(quote(x.benchmark()))
                    .append(", \"case\": ").append(quote(x.label()))
                    .append(", \"metric\": ").append(quote(x.metric()))
                    .append(", \"value\": ").append(number(x.value()))
                    .append(", \"unit\": ").append(quote(x.unit()))
                    .append(", \"yardstick\": ").append(quote(x.yardstick()))
                    .append(", \"yardstick_value\": ").append(number(x.yardstickValue()))
                    .append(", \"yardstick_unit\": ").append(quote(x.yardstickUnit()))
                    .append(", \"ratio\": ").append(number(x.ratio()))
                    .append(f + 1 < figures.size() ? "},\n" : "}\n");
        }
        json.append("]\n");
        Files.writeString(file, json);
    }

    /** The value of a {@code --json FILE} option at {@code args[a]}. */
    static Path path(String[] args, int a) {
        if (a >= args.length) {
            throw new IllegalArgumentException("--json needs a file");
        }
        return Path.of(args[a]);
    }

    private static String number(double x) {
        // JSON has no NaN or infinity; a missing yardstick or ratio is null.
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6g", x) : "null";
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
