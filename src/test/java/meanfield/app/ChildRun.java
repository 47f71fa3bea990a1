package meanfield.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.jhdf.HdfFile;

/**
 * The command line in a child JVM, for tests that interrupt a run from outside (SIGKILL, SIGTERM):
 * started with its stdout and stderr in files, and watched until a number of output rows is written.
 */
final class ChildRun {
    private ChildRun() {
    }

    /** Starts {@code meanfield args...} in a new JVM on this test's class path. */
    static Process start(List<String> args, Path stdout, Path stderr) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile());
        return (stderr == null ? builder.redirectErrorStream(true) : builder.redirectError(stderr.toFile())).start();
    }

    /** Waits (at most two minutes) until {@code file} holds {@code rows} output rows or the process ends. */
    static void awaitRows(Process process, Path file, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rowsWritten(file) < rows && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Output rows whose time has been written (t is written last in a row). */
    static int rowsWritten(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        if (file.getFileName().toString().endsWith(".zarr")) {
            // A Zarr store's arrays are as long as the outputs reached.
            try {
                return (int) meanfield.app.output.zarr.ZarrStore.open(file).meta("t").shape()[0];
            } catch (RuntimeException e) {
                return 0;
            }
        }
        try (HdfFile h5 = new HdfFile(file)) {
            double[] t = (double[]) h5.getDatasetByPath("t").getData();
            int n = 0;
            while (n < t.length && !Double.isNaN(t[n])) {
                n++;
            }
            return n;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
