package meanfield.app.sweep;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import meanfield.app.Main;
import meanfield.app.problem.ProblemException;

/**
 * {@code --engine slurm}: writes sweep.sbatch and submits it with sbatch. The sweep directory on
 * the shared filesystem is the only state the elements share; nothing of ours listens on a network.
 */
final class SlurmEngine {
    /** Job arrays above this size exceed Slurm's default MaxArraySize (1001). */
    static final int DEFAULT_MAX_SHARDS = 1000;

    private SlurmEngine() {
    }

    /** Where sbatch is looked for instead of PATH (tests that need a machine without Slurm). */
    static final String PATH_PROPERTY = "meanfield.sweep.path";

    /** The sbatch on the PATH, or null. */
    static Path sbatch() {
        String path = System.getProperty(PATH_PROPERTY, System.getenv("PATH"));
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "sbatch");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Refuses before anything is written when there is nothing to submit with. */
    static void check(boolean dryRun) {
        if (!dryRun && sbatch() == null) {
            throw new ProblemException("--engine", "slurm needs sbatch on the PATH (not found); --dry-run writes "
                    + SlurmScript.FILE + " without submitting, --engine local runs here");
        }
    }

    static int submit(SweepDefinition definition, Path dir, Integer shardOption, String slurmOptions, boolean dryRun,
            PrintWriter out) {
        List<SweepTask> tasks = definition.tasks();
        int shards = shardOption != null ? shardOption : Math.min(tasks.size(), DEFAULT_MAX_SHARDS);
        if (shards < 1 || shards > tasks.size()) {
            throw new ProblemException("--shards", "must be between 1 and the " + tasks.size() + " task(s), got " + shards);
        }
        TaskEstimate largest = new TaskEstimate(0, 0);
        for (SweepTask t : tasks) {
            TaskEstimate e = TaskEstimate.of(definition, t);
            largest = new TaskEstimate(Math.max(largest.bytes(), e.bytes()), Math.max(largest.seconds(), e.seconds()));
        }
        int perShard = (tasks.size() + shards - 1) / shards;
        Path absolute = dir.toAbsolutePath().normalize();
        Path script = absolute.resolve(SlurmScript.FILE);
        AtomicFiles.write(script, SlurmScript.text(definition, absolute, Launcher.path(), shards, largest, perShard,
                slurmOptions));
        try {
            Files.createDirectories(absolute.resolve("slurm"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.printf("sweep: wrote %s (%d element(s), %d task(s) each at most; per task about %.0f MiB and %d s)%n",
                script, shards, perShard, largest.bytes() / 1048576.0, largest.seconds());
        if (dryRun) {
            return 0;
        }
        return run(script, absolute, out);
    }

    private static int run(Path script, Path dir, PrintWriter out) {
        try {
            Process p = new ProcessBuilder(sbatch().toString(), "--parsable", script.toString())
                    .redirectErrorStream(true).start();
            String reply = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int status = p.waitFor();
            if (status != 0) {
                throw new ProblemException("--engine", "sbatch refused the job array (status " + status + "): "
                        + reply.replace('\n', ' '));
            }
            String job = reply.split(";")[0].trim();
            out.printf("sweep: submitted job array %s; 'meanfield sweep status %s' counts its tasks,"
                    + " 'meanfield sweep merge %s' collects them%n", job, dir, dir);
            return 0;
        } catch (IOException e) {
            throw new ProblemException("--engine", "cannot run sbatch: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.NUMERICAL_FAILURE;
        }
    }
}
