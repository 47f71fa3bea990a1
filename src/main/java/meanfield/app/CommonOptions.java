package meanfield.app;

import java.nio.file.Path;
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

    @Option(names = "--format", paramLabel = "hdf5|zarr",
            description = "Format of the data files: hdf5 (solution.h5, the default) or zarr (solution.zarr, which xarray"
                    + " opens with named dimensions); the same as --set output.format=F.")
    String format;

    @Option(names = "--overwrite", description = "Write into an --out directory that already holds files (files of the same name are replaced).")
    boolean overwrite;

    Problem readProblem() {
        return readProblem(List.of());
    }

    /** The problem with --set and then these assignments (a study's variant of it). */
    Problem readProblem(List<String> more) {
        return Problem.read(source(more));
    }

    /** The problem's tree with --set and these assignments, before any reader fills in defaults. */
    ProblemSource source(List<String> more) {
        ProblemSource source = ProblemSource.load(problem);
        for (String assignment : overrides) {
            source.set(assignment);
        }
        for (String assignment : more) {
            source.set(assignment);
        }
        if (format != null) {
            source.set("output.format=" + format);
        }
        return source;
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

    /** The output directory, checked but not created: --out, or runs/<problem>-<command>-<timestamp>. */
    OutputDirectory output(String problemName, String command) {
        return OutputDirectory.choose(out, problemName, command, overwrite);
    }
}
