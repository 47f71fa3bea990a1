package meanfield.app.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meanfield sweep merge DIR [--partial]}: sweep.csv, sweep.h5, sweep.png and summary.json
 * from the task directories; an incomplete sweep is refused with the missing tasks unless --partial.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Collects a sweep's tasks into sweep.csv and sweep.h5.")
final class SweepMergeCommand implements Callable<Integer> {
    /** A refusal lists at most this many missing tasks by name, then their count. */
    private static final int LISTED = 20;

    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep directory.")
    Path dir;

    @Option(names = "--partial", description = "Merge the tasks that are done; the others get their status and no results.")
    boolean partial;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        SweepDefinition definition = SweepDefinition.read(dir);
        SweepTable table = SweepTable.collect(definition, dir);
        List<String> missing = table.missing();
        if (!missing.isEmpty() && !partial) {
            String names = String.join("; ", missing.subList(0, Math.min(LISTED, missing.size())))
                    + (missing.size() > LISTED ? "; and " + (missing.size() - LISTED) + " more" : "");
            throw new ProblemException("sweep merge", missing.size() + " of " + table.rows().size()
                    + " task(s) are not done: " + names + " ('sweep status' says why; rerun the sweep to complete it,"
                    + " or --partial)");
        }
        for (Path p : SweepFiles.write(dir, definition, BaseProblem.of(definition), table, start)) {
            spec.commandLine().getOut().println("sweep: wrote " + p);
        }
        return 0;
    }
}
