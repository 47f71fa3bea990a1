package meanfield.app.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import meanfield.app.Main;
import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meanfield sweep PROBLEM --command C --vary KEY=VALUES ... [-- OPTIONS OF C]}: the cartesian
 * product of the values (and seeds) as independent tasks, each the command run alone into
 * {@code tasks/<name>/run}, on a local pool or as a Slurm job array; see the README's section.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, subcommands = {SweepStatusCommand.class, SweepMergeCommand.class},
        description = "Runs the cartesian product of --vary values as independent tasks (local pool or Slurm job array);"
                + " 'sweep status DIR', 'sweep merge DIR'.")
public final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROBLEM [-- OPTIONS]", arity = "0..*",
            description = "A YAML problem file or a built-in name; after --, options handed to every task's command.")
    List<String> positional = new ArrayList<>();

    @Option(names = "--command", paramLabel = "solve|simulate|converge|validate", description = "What each task runs.")
    String command;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2|a:step:b", description = "A problem key and its values: a list,"
            + " or a decimal range a:step:b (b included when reached). Repeatable; the first is the outermost loop.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "A-B", description = "simulate: one task per seed A..B; validate: 1-K,"
            + " handed to every task as --seeds K.")
    String seeds;

    @Option(names = "--collect", paramLabel = "NAME[,NAME...]", description = "Arrays of each task's data file"
            + " (e.g. rate) at its last output time, stacked over tasks into sweep.h5 as collected_NAME. Repeatable.")
    List<String> collect = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a problem key in every task. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default: runs/<problem>-sweep-<timestamp>);"
            + " an existing one with the same definition is completed.")
    Path out;

    @Option(names = "--engine", paramLabel = "local|slurm", description = "local (default): a pool of --threads workers;"
            + " slurm: write sweep.sbatch, a job array, and submit it with sbatch.")
    String engine = "local";

    @Option(names = "--threads", paramLabel = "N", description = "Workers of the local pool (default: all cores);"
            + " each task runs on one thread.")
    Integer threads;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the tasks with index i where i mod N = I - 1.")
    String shard;

    @Option(names = "--shards", paramLabel = "N", description = "slurm: array elements (default: one per task, at most "
            + SlurmEngine.DEFAULT_MAX_SHARDS + ").")
    Integer shards;

    @Option(names = "--slurm-options", paramLabel = "\"--opt=V ...\"", description = "slurm: extra #SBATCH options;"
            + " --mem and --time here replace the estimates.")
    String slurmOptions;

    @Option(names = "--dry-run", description = "slurm: write sweep.sbatch without submitting it.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        if (positional.isEmpty()) {
            throw new ProblemException("PROBLEM", "name a problem file or a built-in problem (or: sweep status DIR,"
                    + " sweep merge DIR)");
        }
        List<String> raw = spec.commandLine().getParseResult().originalArgs();
        if (positional.size() > 1 && !raw.contains("--")) {
            throw new ProblemException("--", "unexpected '" + positional.get(1) + "': the command's own options go after --");
        }
        Shard part = Shard.parse(shard);
        if (!engine.equals("local") && !engine.equals("slurm")) {
            throw new ProblemException("--engine", "must be local or slurm, got '" + engine + "'");
        }
        boolean slurm = engine.equals("slurm");
        if (slurm && shard != null) {
            throw new ProblemException("--shard", "is what the Slurm elements run; not with --engine slurm");
        }
        if (slurm) {
            SlurmEngine.check(dryRun);
        }
        int workers = threadCount(threads);
        SweepDefinition definition = DefinitionBuilder.build(positional.get(0), command, vary, seeds, overrides,
                positional.subList(1, positional.size()), collect);
        Path dir = directory(positional.get(0));
        adopt(dir, definition);
        if (slurm) {
            return SlurmEngine.submit(definition, dir, shards, slurmOptions, dryRun, out);
        }
        LocalEngine.Outcome outcome = new LocalEngine(new TaskRunner(definition, dir), workers)
                .run(definition.tasks(), part, out);
        if (!outcome.failed().isEmpty()) {
            spec.commandLine().getErr().println("sweep: " + outcome.failed().size() + " task(s) failed: "
                    + String.join("; ", outcome.failed()) + " (logs: " + dir.resolve("tasks") + "/<task>/task.log);"
                    + " rerun the same command to retry them");
            return Main.NUMERICAL_FAILURE;
        }
        if (!part.whole()) {
            out.printf("sweep: shard %d/%d complete; 'meanfield sweep merge %s' once every shard is%n", part.number(),
                    part.count(), dir);
            return 0;
        }
        SweepTable table = SweepTable.collect(definition, dir);
        if (!table.missing().isEmpty()) {
            // Another process runs some tasks of this directory: leave the merge to it or to 'sweep merge'.
            out.printf("sweep: %d task(s) are not done here: 'meanfield sweep status %s'%n", table.missing().size(), dir);
            return 0;
        }
        for (Path p : SweepFiles.write(dir, definition, BaseProblem.of(definition), table, start)) {
            out.println("sweep: wrote " + p);
        }
        return 0;
    }

    /** Writes sweep.json into a new directory; an existing one must hold the same sweep. */
    static void adopt(Path dir, SweepDefinition definition) {
        if (Files.isRegularFile(dir.resolve(SweepDefinition.FILE))) {
            String how = definition.difference(SweepDefinition.read(dir));
            if (how != null) {
                throw new ProblemException("--out", dir + " holds a different sweep: " + how
                        + "; rerun it as defined there or choose another --out");
            }
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sweep directory " + dir, e);
        }
        definition.write(dir);
    }

    private Path directory(String problem) {
        if (out != null) {
            return out;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String name = Path.of(problem).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return Path.of("runs", name + "-sweep-" + stamp);
    }

    private static int threadCount(Integer threads) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new ProblemException("--threads", "must be at least 1, got " + n);
        }
        return n;
    }
}
