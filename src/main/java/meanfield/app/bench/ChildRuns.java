package meanfield.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the steps of a {@link BenchPlan} one after another as {@code java -cp JAR ...} child
 * processes, each one's output in {@code logs/NAME.log}, and gathers their figures. One at a time,
 * because the benchmarks measure one thread and another child would take its core. A failed step
 * is a note, not the end of the run: the other figures are still worth writing.
 */
final class ChildRuns {
    private final Path jar;
    private final Path logs;
    private final PrintWriter out;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ChildRuns(Path jar, Path dir, PrintWriter out) throws IOException {
        this.jar = jar;
        this.logs = Files.createDirectories(dir.resolve("logs"));
        this.out = out;
    }

    void run(BenchPlan.Step step) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", jar.toString()));
        command.addAll(step.arguments());
        Path log = logs.resolve(step.name() + ".log");
        out.printf(Locale.ROOT, "bench: %s ...%n", step.name());
        out.flush();
        long start = System.nanoTime();
        Files.deleteIfExists(step.result());
        int status = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        double seconds = (System.nanoTime() - start) * 1e-9;
        out.printf(Locale.ROOT, "bench: %s %s in %.1f s (log: %s)%n", step.name(), status == 0 ? "done" : "FAILED", seconds,
                log);
        if (status != 0 || !Files.isRegularFile(step.result())) {
            notes.add(step.name() + " failed (exit " + status + "); its output is in " + log);
            return;
        }
        figures.addAll(step.jmh() ? new JmhResults(step.result()).figures() : WholeRunResults.read(step.result()));
    }

    List<Figure> figures() {
        return figures;
    }

    List<String> notes() {
        return notes;
    }

    /** The java of this JVM, so that the children run on the same runtime the report names. */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
