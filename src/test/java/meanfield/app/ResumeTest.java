package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import meanfield.app.output.CheckpointFile;
import meanfield.solvers.run.Checkpoint;

/**
 * A run continued from a checkpoint writes the outputs of a run that was never interrupted, bit
 * for bit, whatever the thread counts of the two parts.
 */
class ResumeTest {
    @TempDir
    Path tmp;

    private static CommandRunner solve(String problem, Path out, int threads, String end, String... settings) {
        List<String> args = new ArrayList<>(List.of("solve", problem, "--quiet", "--out=" + out, "--threads=" + threads,
                "--set", "time.end=" + end, "--checkpoint-every", "0.2"));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        return CommandRunner.run(args.toArray(String[]::new));
    }

    private void resumedEqualsUninterrupted(String problem, int firstThreads, int resumeThreads, String... settings)
            throws Exception {
        Path whole = tmp.resolve(problem + "-whole-" + firstThreads + resumeThreads);
        assertEquals(0, solve(problem, whole, 1, "0.6", settings).status());
        Path parts = tmp.resolve(problem + "-parts-" + firstThreads + resumeThreads);
        CommandRunner first = solve(problem, parts, firstThreads, "0.3", settings);
        assertEquals(0, first.status(), first.err());
        CommandRunner resumed = CommandRunner.run("resume", parts.toString(), "--quiet", "--threads=" + resumeThreads,
                "--set", "time.end=0.6");
        assertEquals(0, resumed.status(), resumed.err());
        ResultFiles.assertIdentical(whole.resolve("solution.h5"), parts.resolve("solution.h5"));
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(whole.resolve("summary.json").toFile());
        JsonNode b = json.readTree(parts.resolve("summary.json").toFile());
        for (String key : new String[] {"steps", "rejected_steps", "mass_error_max", "min_density", "t_end"}) {
            assertEquals(a.get(key), b.get(key), key);
        }
        assertEquals(0.3, b.get("resumed_from").asDouble());
        assertTrue(Files.size(parts.resolve(RunDirectory.CHECKPOINT)) > 0);
    }

    @Test
    void nifFiniteVolumesResumeBitForBitOnOneAndTwoThreads() throws Exception {
        String[] small = {"grid.v.cells=80", "grid.xi.cells=8", "time.output_every=0.1"};
        resumedEqualsUninterrupted("nif-ring", 1, 2, small);
        resumedEqualsUninterrupted("nif-ring", 2, 1, small);
    }

    @Test
    void nifSpectralResumesBitForBitOnOneAndTwoThreads() throws Exception {
        String[] small = {"solver=spectral", "grid.v.order=10", "grid.xi.cells=8", "time.output_every=0.1"};
        resumedEqualsUninterrupted("nif-ring", 1, 2, small);
        resumedEqualsUninterrupted("nif-ring", 2, 1, small);
    }

    @Test
    void topoSpectralResumesBitForBitOnOneAndTwoThreads() throws Exception {
        String[] small = {"grid.x.cells=32", "time.output_every=0.1", "topo.velocities={grid: {min: -1, max: 1, count: 8}}"};
        resumedEqualsUninterrupted("topo-1d", 1, 2, small);
        resumedEqualsUninterrupted("topo-1d", 2, 1, small);
    }

    @Test
    void theResumedRunStartsFromTheCheckpointsState() throws Exception {
        String[] small = {"grid.v.cells=80", "grid.xi.cells=8", "time.output_every=0.1"};
        Path whole = tmp.resolve("whole");
        assertEquals(0, solve("nif-ring", whole, 1, "0.6", small).status());
        Path parts = tmp.resolve("tampered");
        assertEquals(0, solve("nif-ring", parts, 1, "0.3", small).status());
        Path file = parts.resolve(RunDirectory.CHECKPOINT);
        Checkpoint c = CheckpointFile.read(file);
        double[] state = c.state().clone();
        // Move a little mass between two cells of label 0: still a density, but not the run's.
        state[40] += 1e-3;
        state[41] -= 1e-3;
        CheckpointFile.write(file, new Checkpoint(c.time(), c.nextOutput(), c.step(), c.accepted(), c.rejected(), state,
                c.observerStates()));
        assertEquals(0, CommandRunner.run("resume", parts.toString(), "--quiet", "--set", "time.end=0.6").status());
        assertThrows(AssertionError.class,
                () -> ResultFiles.assertIdentical(whole.resolve("solution.h5"), parts.resolve("solution.h5")));
    }

    @Test
    void aRunWithoutCheckpointsCannotBeResumedAndSaysWhy() {
        Path out = tmp.resolve("plain");
        assertEquals(0, CommandRunner.run("solve", "mv-1d", "--quiet", "--out=" + out, "--set", "time.end=0.1",
                "--set", "grid.x.cells=16").status());
        CommandRunner r = CommandRunner.run("resume", out.toString());
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().contains("--checkpoint-every"), r.err());
    }

    @Test
    void resumingADirectoryThatIsNoRunIsAUserError() {
        CommandRunner r = CommandRunner.run("resume", tmp.toString());
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().contains("not a run directory"), r.err());
    }
}
