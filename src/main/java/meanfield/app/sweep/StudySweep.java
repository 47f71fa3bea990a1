package meanfield.app.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import meanfield.app.problem.ProblemException;

/**
 * The way a study ({@code converge --engine slurm}, {@code validate --engine slurm}) hands its independent runs to the sweep
 * machinery: one sweep over a single varied key whose tasks are the study's units, written and
 * submitted as any sweep (sweep.json, markers, shards, sweep.sbatch), so that the job array, its
 * restarts and {@code sweep status} are the sweep's own; and, once the array is done, the run
 * directories of the tasks in order, for the study's merge.
 */
public final class StudySweep {
    private StudySweep() {
    }

    /**
     * Defines the sweep (refused, status 2, if {@code dir} holds a different one), writes sweep.sbatch
     * and submits it unless {@code dryRun}; returns the exit status.
     */
    public static int submit(String problem, String command, String key, List<String> values, List<String> overrides,
            List<String> arguments, Path dir, Integer shards, String slurmOptions, boolean dryRun, PrintWriter out) {
        return submit(problem, command, key, values, null, overrides, arguments, dir, shards, slurmOptions, dryRun, out);
    }

    /**
     * The same with the sweep's seeds ({@code --seeds 1-K}, which a validate task gets as {@code --seeds K});
     * {@code seeds} null for none.
     */
    public static int submit(String problem, String command, String key, List<String> values, String seeds,
            List<String> overrides, List<String> arguments, Path dir, Integer shards, String slurmOptions,
            boolean dryRun, PrintWriter out) {
        SlurmEngine.check(dryRun);
        SweepDefinition definition = DefinitionBuilder.build(problem, command,
                List.of(key + "=" + String.join(",", values)), seeds, overrides, arguments);
        SweepCommand.adopt(dir, definition);
        return SlurmEngine.submit(definition, dir, shards, slurmOptions, dryRun, out);
    }

    /**
     * The run directory of every task of the sweep in {@code dir}, in task order, after checking
     * that it was written by {@code command} with {@code marker} among its options and that every
     * task is done (otherwise status 2 naming {@code option}, with the tasks missing).
     */
    public static List<Path> completedRuns(Path dir, String command, String marker, String option) {
        SweepDefinition definition = SweepDefinition.read(dir);
        if (!definition.command().equals(command) || !definition.arguments().contains(marker)
                || definition.dimensions().size() != 1) {
            throw new ProblemException(option, dir + " is not the directory of a '" + command + " --engine slurm'"
                    + " study (its sweep.json runs " + definition.command() + ")");
        }
        SweepTable table = SweepTable.collect(definition, dir);
        List<String> missing = table.missing();
        if (!missing.isEmpty()) {
            throw new ProblemException(option, missing.size() + " of " + table.rows().size() + " task(s) are not done: "
                    + String.join("; ", missing) + " ('meanfield sweep status " + dir + "' says why; submit the study"
                    + " again or run the missing shards)");
        }
        TaskRunner locator = new TaskRunner(definition, dir);
        List<Path> runs = new ArrayList<>();
        for (SweepTask t : definition.tasks()) {
            runs.add(locator.directory(t).run());
        }
        return runs;
    }

    /** The stored definition of the sweep in {@code dir}: problem, --set, the single key's values, the options, seeds. */
    public static SweepDefinition definition(Path dir) {
        return SweepDefinition.read(dir);
    }
}
