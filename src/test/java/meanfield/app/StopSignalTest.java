package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;

/**
 * SIGTERM and Ctrl-C (SIGINT) during a solve or simulate: the run stops at the next step, its file
 * holds exactly the outputs reached (no NaN rows), summary.json says it stopped, stderr has one
 * line, and the status is 130.
 */
class StopSignalTest {
    @TempDir
    Path tmp;

    private static final String[] SOLVE = {"solve", "nif-ring", "--set", "grid.v.cells=400", "--set", "grid.xi.cells=32",
        "--set", "time.end=3", "--set", "time.output_every=0.05", "--set", "time.tolerance=1e-5"};
    private static final String[] SIMULATE = {"simulate", "nif-ring", "--set", "particles.n=60000", "--set",
        "particles.connectivity=erdos-renyi", "--set", "particles.degree=20", "--set", "time.end=3", "--set",
        "time.output_every=0.05"};

    @Test
    void sigtermStopsASolveWithItsOutputsKept() throws Exception {
        stopAtAQuarter("TERM", SOLVE, "solution.h5", 61);
    }

    @Test
    void sigtermStopsASimulateWithItsWindowsKept() throws Exception {
        stopAtAQuarter("TERM", SIMULATE, "particles.h5", 60);
    }

    @Test
    void ctrlCStopsASolveLikeSigterm() throws Exception {
        stopAtAQuarter("INT", SOLVE, "solution.h5", 61);
    }

    private void stopAtAQuarter(String signal, String[] run, String name, int outputs) throws Exception {
        Assumptions.assumeTrue(File.separatorChar == '/' && Files.isExecutable(Path.of("/bin/kill")),
                "no POSIX signals here (/bin/kill is missing): the stop on SIGTERM and SIGINT was not tested");
        Path out = tmp.resolve("run");
        List<String> args = new ArrayList<>(List.of(run));
        args.addAll(List.of("--quiet", "--threads=1", "--out=" + out));
        Path log = tmp.resolve("stderr.log");
        Process process = ChildRun.start(args, tmp.resolve("stdout.log"), log);
        Path file = out.resolve(name);
        ChildRun.awaitRows(process, file, outputs / 4);
        assertTrue(process.isAlive(), "the run ended before the signal: make it longer");
        assertEquals(0, new ProcessBuilder("/bin/kill", "-" + signal, String.valueOf(process.pid())).start().waitFor());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
        String err = Files.readString(log);
        Assumptions.assumeFalse(signal.equals("INT") && process.exitValue() == 0,
                "SIGINT is ignored by processes started from here (a background job): Ctrl-C was not tested");
        assertEquals(Main.INTERRUPTED, process.exitValue(), err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        assertTrue(err.startsWith("stopped by a signal at t = "), err);

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.get("completed").asBoolean());
        assertTrue(summary.get("stopped").asText().startsWith("stopped by a signal"));
        try (HdfFile h5 = new HdfFile(file)) {
            double[] t = (double[]) h5.getDatasetByPath("t").getData();
            assertTrue(t.length >= outputs / 4 && t.length < outputs, "outputs kept: " + t.length);
            for (double time : t) {
                assertTrue(Double.isFinite(time), "only the outputs reached, no NaN rows");
            }
            assertTrue(err.contains(t.length + " outputs reached"), err);
        }
    }
}
