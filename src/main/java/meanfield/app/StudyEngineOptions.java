package meanfield.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import meanfield.app.problem.ProblemException;
import meanfield.app.sweep.SweepDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of a study that can hand its units (converge's levels, validate's particle numbers)
 * to Slurm as sweep tasks: the engine, and for Slurm the shards, extra #SBATCH options and a dry run;
 * and, for the study's --merge, the study's own options rebuilt from the sweep it wrote.
 */
final class StudyEngineOptions {
    @Option(names = "--engine", paramLabel = "local|slurm", description = "local (default): the study on a pool of"
            + " --threads workers; slurm: one sweep task per level or particle number in --out, a Slurm job array"
            + " (then --merge).")
    String engine = "local";

    @Option(names = "--shards", paramLabel = "N", description = "slurm: array elements (default: one per task).")
    Integer shards;

    @Option(names = "--slurm-options", paramLabel = "\"--opt=V ...\"", description = "slurm: extra #SBATCH options;"
            + " --mem and --time here replace the estimates.")
    String slurmOptions;

    @Option(names = "--dry-run", description = "slurm: write sweep.json and sweep.sbatch without submitting.")
    boolean dryRun;

    /** Refuses an engine other than local or slurm, and a study's task option given with slurm. */
    void check(boolean task, String taskOption) {
        if (!engine.equals("local") && !engine.equals("slurm")) {
            throw new ProblemException("--engine", "must be local or slurm, got '" + engine + "'");
        }
        if (task && slurm()) {
            throw new ProblemException(taskOption, "is what the study's sweep tasks run; not with --engine slurm");
        }
    }

    boolean slurm() {
        return engine.equals("slurm");
    }

    /**
     * Parses into {@code study} the command line of the study whose sweep is in {@code dir}: its
     * problem, --set and options as stored (without {@code taskOption}), then {@code own}, then --out
     * (by default DIR/study, since DIR's own summary.json belongs to 'sweep merge'), --quiet and
     * --overwrite as given to --merge; returns {@code study}.
     */
    static <T> T parseStudy(T study, Path dir, SweepDefinition definition, String taskOption, List<String> own,
            CommonOptions options, CommandSpec spec) {
        List<String> args = new ArrayList<>(List.of(definition.problem()));
        for (String s : definition.overrides()) {
            args.add("--set");
            args.add(s);
        }
        for (String a : definition.arguments()) {
            if (!a.equals(taskOption)) {
                args.add(a);
            }
        }
        Path out = options.out != null ? options.out : dir.resolve("study");
        args.addAll(own);
        args.addAll(List.of("--out", out.toString(), "--quiet"));
        if (options.overwrite) {
            args.add("--overwrite");
        }
        CommandLine line = new CommandLine(study);
        line.setOut(spec.commandLine().getOut());
        line.setErr(spec.commandLine().getErr());
        line.parseArgs(args.toArray(String[]::new));
        return study;
    }
}
