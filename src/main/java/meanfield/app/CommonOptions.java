package meanfield.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.ProblemSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The problem argument and the options every run command shares (PROBLEMS.md "Commands"). */
final class CommonOptions {
    @Parameters(index = "0", paramLabel = "PROBLEM", description = "A YAML problem file or a built-in problem name.")
    String problem;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<problem>-<command>-<timestamp>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a problem key; the value is read as YAML. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    Problem readProblem() {
        return readProblem(List.of());
    }

    /** The problem with --set and then these assignments (a study's variant of it). */
    Problem readProblem(List<String> more) {
        ProblemSource source = ProblemSource.load(problem);
        for (String assignment : overrides) {
            source.set(assignment);
        }
        for (String assignment : more) {
            source.set(assignment);
        }
        return Problem.read(source);
    }

    int threadCount() {
        return threadCount(threads);
    }

    /** --threads as given, or all cores; below 1 is a user error. */
    static int threadCount(Integer threads) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new ProblemException("--threads", "must be at least 1, got " + n);
        }
        return n;
    }

    /** The output directory, created: --out, or runs/<problem>-<command>-<timestamp>. */
    Path outputDirectory(String problemName, String command) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = out != null ? out : Path.of("runs", problemName + "-" + command + "-" + stamp);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + dir, e);
        }
        return dir;
    }
}
