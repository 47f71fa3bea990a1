package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A particle run continued from a checkpoint through {@code resume} writes the file of a run that
 * was never interrupted, bit for bit, whatever the thread counts of the two parts.
 */
class SimulateResumeTest {
    @TempDir
    Path tmp;

    private static CommandRunner simulate(String problem, Path out, int threads, String end, String... settings) {
        List<String> args = new ArrayList<>(List.of("simulate", problem, "--quiet", "--out=" + out,
                "--threads=" + threads, "--set", "time.end=" + end, "--checkpoint-every", "0.2"));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        return CommandRunner.run(args.toArray(String[]::new));
    }

    private void resumedEqualsUninterrupted(String problem, String file, int firstThreads, int resumeThreads,
            String... settings) throws Exception {
        Path whole = tmp.resolve(problem + "-whole-" + firstThreads);
        CommandRunner full = simulate(problem, whole, firstThreads, "0.6", settings);
        assertEquals(0, full.status(), full.err());
        Path parts = tmp.resolve(problem + "-parts-" + firstThreads + resumeThreads);
        CommandRunner first = simulate(problem, parts, firstThreads, "0.3", settings);
        assertEquals(0, first.status(), first.err());
        CommandRunner resumed = CommandRunner.run("resume", parts.toString(), "--quiet", "--threads=" + resumeThreads,
                "--set", "time.end=0.6");
        assertEquals(0, resumed.status(), resumed.err());
        ResultFiles.assertIdentical(whole.resolve(file), parts.resolve(file));
        JsonNode summary = new ObjectMapper().readTree(parts.resolve("summary.json").toFile());
        assertEquals(0.3, summary.get("resumed_from").asDouble());
    }

    @Test
    void nifNetworkRunsResumeBitForBitOnOneAndTwoThreads() throws Exception {
        String[] small = {"particles.n=3000", "particles.connectivity=erdos-renyi", "particles.degree=50",
            "time.output_every=0.1", "particles.bins=8"};
        resumedEqualsUninterrupted("nif-ring", "particles.h5", 1, 2, small);
        resumedEqualsUninterrupted("nif-ring", "particles.h5", 2, 1, small);
    }

    @Test
    void topologicalRunsResumeBitForBit() throws Exception {
        String[] small = {"particles.n=3000", "time.output_every=0.1", "particles.bins=16",
            "topo.velocities={grid: {min: -1, max: 1, count: 8}}"};
        resumedEqualsUninterrupted("topo-1d", "particles.h5", 1, 2, small);
    }

    @Test
    void timeSteppedTopologicalRunsResumeBitForBit() throws Exception {
        String[] small = {"particles.n=3000", "time.output_every=0.1", "particles.bins=16",
            "particles.method=time-stepped", "particles.dt=0.03"};
        resumedEqualsUninterrupted("topo-1d", "particles.h5", 1, 2, small);
    }

    @Test
    void severalSeedsResumeEachFromItsOwnCheckpoint() throws Exception {
        String[] small = {"particles.n=1000", "time.output_every=0.1", "particles.bins=8"};
        Path whole = tmp.resolve("seeds-whole");
        assertEquals(0, CommandRunner.run("simulate", "topo-1d", "--quiet", "--out=" + whole, "--seeds=3,4", "--set",
                "time.end=0.4", "--set", small[0], "--set", small[1], "--set", small[2]).status());
        Path parts = tmp.resolve("seeds-parts");
        assertEquals(0, CommandRunner.run("simulate", "topo-1d", "--quiet", "--out=" + parts, "--seeds=3,4", "--set",
                "time.end=0.2", "--checkpoint-every", "0.1", "--set", small[0], "--set", small[1], "--set", small[2])
                .status());
        CommandRunner resumed = CommandRunner.run("resume", parts.toString(), "--quiet", "--set", "time.end=0.4");
        assertEquals(0, resumed.status(), resumed.err());
        for (String file : new String[] {"particles_seed3.h5", "particles_seed4.h5"}) {
            ResultFiles.assertIdentical(whole.resolve(file), parts.resolve(file));
        }
    }

    @Test
    void mcKeanVlasovRunsResumeBitForBit() throws Exception {
        resumedEqualsUninterrupted("mv-1d", "particles.h5", 1, 2, "particles.n=3000", "time.output_every=0.1",
                "particles.dt=0.01", "particles.bins=16");
    }
}
