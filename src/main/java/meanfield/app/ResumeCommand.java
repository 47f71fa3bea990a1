package meanfield.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import meanfield.app.output.CheckpointFile;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.ProblemSource;
import meanfield.solvers.run.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meanfield resume DIR}: continues a killed or finished solve or simulate from its
 * last checkpoint, to its time.end or to a new one ({@code --set time.end=T}); the outputs are those
 * of a run that was never interrupted, bit for bit, for any thread count.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continues a killed or finished run from its last checkpoint (solve or simulate with --checkpoint-every T).")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The run directory.")
    Path directory;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key of the run's problem, such as time.end; the value is read as YAML. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** output.format of a problem tree (hdf5 when absent: runs made before the key existed). */
    private static String formatOf(ProblemSource source) {
        return source.tree().get("output") instanceof java.util.Map<?, ?> output && output.get("format") != null
                ? String.valueOf(output.get("format")) : meanfield.app.output.DataFormat.HDF5.key();
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        RunDirectory dir = new RunDirectory(directory);
        RunDirectory.Settings settings = dir.settings();
        boolean simulate = settings.command().equals("simulate");
        boolean anyCheckpoint = simulate
                ? settings.seeds().stream().anyMatch(s -> Files.isRegularFile(dir.checkpoint(s, settings.seeds().size())))
                : Files.isRegularFile(dir.checkpoint());
        if (!anyCheckpoint) {
            throw new ProblemException(directory.toString(), "holds no checkpoint: start the run with --checkpoint-every T");
        }
        ProblemSource source = ProblemSource.fromText(settings.problem(), settings.sourceDirectory(), dir.problemYaml());
        String written = formatOf(source);
        overrides.forEach(source::set);
        if (!formatOf(source).equals(written)) {
            throw new ProblemException("output.format", "cannot change when resuming: the run writes " + written
                    + " files; start a new run for " + formatOf(source));
        }
        Problem problem = Problem.read(source);
        int n = CommonOptions.threadCount(threads);
        if (simulate) {
            return new SimulateRun(problem, dir, settings.particles(), settings.seeds(), n, quiet,
                    settings.checkpointEvery()).execute(true, start, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        Checkpoint checkpoint;
        try {
            checkpoint = CheckpointFile.read(dir.checkpoint());
        } catch (IOException e) {
            throw new ProblemException(dir.checkpoint().toString(), "cannot read the checkpoint: " + e.getMessage());
        }
        return new SolveRun(problem, dir, n, quiet, settings.checkpointEvery())
                .execute(checkpoint, start, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
