package meanfield.app.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import meanfield.app.Main;

/**
 * Runs one task in this JVM through {@link Main#run}, exactly the command line a user would type
 * for it alone, its output and errors into the task's log, and leaves the done or failed marker.
 */
final class TaskRunner {
    private final SweepDefinition definition;
    private final Path sweepDirectory;

    TaskRunner(SweepDefinition definition, Path sweepDirectory) {
        this.definition = definition;
        this.sweepDirectory = sweepDirectory;
    }

    TaskDirectory directory(SweepTask task) {
        return new TaskDirectory(sweepDirectory.resolve("tasks").resolve(task.name()));
    }

    /** Runs the task; true when it is done. */
    boolean run(SweepTask task) {
        TaskDirectory dir = directory(task);
        dir.begin();
        List<String> args = task.commandLine(definition, dir.run());
        long start = System.nanoTime();
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.log(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            log.println("# task " + task.index() + " on " + TaskDirectory.host() + ", pid " + ProcessHandle.current().pid()
                    + ": meanfield " + String.join(" ", args));
            int status;
            String reason;
            try {
                status = Main.run(args.toArray(String[]::new), log, log);
                reason = "exit status " + status;
            } catch (RuntimeException | Error e) {
                // A bug in one task must not take the pool down: record it and go on with the others.
                e.printStackTrace(log);
                status = 1;
                reason = e.toString();
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            if (status == 0 && Files.isRegularFile(dir.run().resolve("summary.json"))) {
                dir.finish(wall);
                return true;
            }
            dir.fail(status, status == 0 ? "no summary.json" : reason, wall);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log of task " + task.name(), e);
        }
    }
}
