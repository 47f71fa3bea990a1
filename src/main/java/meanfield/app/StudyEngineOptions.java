package meanfield.app;

import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Option;

/**
 * The options of a study that can hand its units (converge's levels, validate's particle numbers)
 * to Slurm as sweep tasks: the engine, and for Slurm the shards, extra #SBATCH options and a dry run.
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
}
