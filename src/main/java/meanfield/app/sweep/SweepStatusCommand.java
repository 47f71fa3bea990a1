package meanfield.app.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meanfield sweep status DIR}: tasks done, running, failed and pending, from the markers in the task directories. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Counts a sweep's tasks by status.")
final class SweepStatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep directory.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepDefinition definition = SweepDefinition.read(dir);
        SweepTable table = SweepTable.collect(definition, dir);
        Map<String, Integer> counts = table.counts();
        spec.commandLine().getOut().printf("%s: %d task(s): %d done, %d running, %d failed, %d pending%n", dir,
                table.rows().size(), counts.get("done"), counts.get("running"), counts.get("failed"), counts.get("pending"));
        List<String> failed = table.rows().stream().filter(r -> r.status() == TaskStatus.FAILED)
                .map(r -> r.task().name()).toList();
        if (!failed.isEmpty()) {
            spec.commandLine().getOut().println("failed (see tasks/<task>/task.log): " + String.join("; ", failed));
        }
        return 0;
    }
}
