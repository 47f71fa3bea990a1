package meanfield.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a {@link BenchReport} as {@code benchmarks.json} (for tools) and {@code BENCHMARKS.md} (for people). */
public final class BenchReportWriter {
    public static final String JSON = "benchmarks.json";
    public static final String MARKDOWN = "BENCHMARKS.md";

    private BenchReportWriter() {
    }

    /** Writes both files into {@code dir}, which must exist. */
    public static void write(BenchReport report, Path dir) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(JSON).toFile(), report);
        Files.writeString(dir.resolve(MARKDOWN), markdown(report));
    }

    /** The Markdown page: the run's provenance, then one table per benchmark in the order they ran. */
    static String markdown(BenchReport report) {
        Machine m = report.machine();
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append(report.quick()
                ? "Smoke run (`meanfield bench --quick`): every benchmark at its smallest size, one short iteration;"
                        + " the figures show that each runs, not how fast.\n\n"
                : "Full run (`meanfield bench`).\n\n");
        md.append("- date: ").append(report.date()).append('\n');
        md.append("- commit: ").append(report.commit()).append('\n');
        md.append(String.format(Locale.ROOT, "- machine: %d cores, %.1f GiB, %s; %s; %s%n%n", m.cores(),
                m.memoryBytes() / (double) (1L << 30), m.cpuModel(), m.os(), m.jvm()));

        Map<String, List<Figure>> byBenchmark = new LinkedHashMap<>();
        for (Figure f : report.figures()) {
            byBenchmark.computeIfAbsent(f.benchmark(), k -> new java.util.ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Figure>> entry : byBenchmark.entrySet()) {
            md.append("## ").append(entry.getKey()).append("\n\n");
            md.append("| case | metric | measured | yardstick | yardstick measured | ratio |\n");
            md.append("| --- | --- | --- | --- | --- | --- |\n");
            for (Figure f : entry.getValue()) {
                md.append("| ").append(cell(f.label())).append(" | ").append(cell(f.metric())).append(" | ")
                        .append(cell(quantity(f.value(), f.unit()))).append(" | ")
                        .append(f.yardstick() == null ? "" : cell(f.yardstick())).append(" | ")
                        .append(f.yardstickValue() == null ? "" : cell(quantity(f.yardstickValue(), f.yardstickUnit())))
                        .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!report.notes().isEmpty()) {
            md.append("## Notes\n\n");
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    /** Text in a table cell: a '|' (as in a unit "|r - r_ref|") would end the cell, so it is escaped. */
    static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Three significant digits and the unit: the runs' spread is larger than that. */
    static String quantity(double value, String unit) {
        return String.format(Locale.ROOT, "%.3g", value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }
}
