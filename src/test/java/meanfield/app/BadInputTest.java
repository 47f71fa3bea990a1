package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One test per row of the README's table of bad input (the rows a trial user observed): the status,
 * one line on stderr, and no directory left behind by a refused run.
 */
class BadInputTest {
    private static final String[] SMALL = {"--quiet", "--set", "grid.v.cells=40", "--set", "grid.xi.cells=4", "--set",
        "time.end=0.05"};

    @TempDir
    Path tmp;

    private static CommandRunner run(String command, String problem, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, problem, "--out", out.toString()));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(extra));
        return CommandRunner.run(args.toArray(String[]::new));
    }

    /** Exit 2, one line naming what is wrong, and (when given) no output directory left. */
    private static void assertRefused(CommandRunner r, String expected, Path out) {
        assertEquals(Main.USER_ERROR, r.status(), () -> "stderr: " + r.err());
        assertTrue(r.err().contains(expected), () -> "the message should say '" + expected + "': " + r.err());
        assertEquals(1, r.err().strip().lines().count(), () -> "one line, no stack trace: " + r.err());
        if (out != null) {
            assertFalse(Files.exists(out), () -> out + " was left behind by a refused run");
        }
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void outNamingAnExistingFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        assertRefused(run("solve", "nif-ring", file), "is a file, not a directory", null);
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aGridTooLargeForTheHeapIsRefusedWithTheMemoryNeededAndHowToRaiseIt() {
        Path out = tmp.resolve("huge");
        CommandRunner r = run("solve", "nif-ring", out, "--set", "grid.v.cells=100000", "--set", "grid.xi.cells=100000");
        assertRefused(r, "MEANFIELD_JAVA_OPTS=-Xmx", out);
        assertTrue(r.err().contains("GiB of memory"), r.err());
    }

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedBeforeItIsBuilt() {
        Path out = tmp.resolve("dense");
        CommandRunner r = run("simulate", "nif-ring", out, "--particles", "200000");
        assertRefused(r, "dense network) needs about", out);
    }

    @Test
    void twoBillionParticlesAreRefusedAtOnce() {
        for (String problem : List.of("nif-ring", "mv-1d", "topo-1d")) {
            Path out = tmp.resolve(problem);
            long start = System.nanoTime();
            CommandRunner r = CommandRunner.run("simulate", problem, "--quiet", "--out", out.toString(), "--particles",
                    "2000000000");
            assertTrue(System.nanoTime() - start < 10e9, "refused at once, not after building anything");
            assertRefused(r, "--particles", out);
        }
    }

    @Test
    void failuresFoundWhenTheRunIsBuiltLeaveNoDirectory() {
        Path out = tmp.resolve("run");
        assertRefused(run("simulate", "nif-ring", out, "--set", "particles.dt=1"), "dt <= end", out);
        assertRefused(run("simulate", "nif-ring", out, "--particles", "10", "--set",
                "particles.connectivity=erdos-renyi", "--set", "particles.degree=50"), "mean in-degree", out);
        assertRefused(run("solve", "nif-ring", out, "--set", "nif.drift=-v + log(v - 10)"), "nif", out);
        assertRefused(run("solve", "nif-ring", out, "--set", "nif.kernel=1/(xi - 0.375)"), "nif.kernel", out);
    }

    @Test
    void outputEveryLargerThanEndWarnsAndRuns() throws IOException {
        Path out = tmp.resolve("every");
        CommandRunner r = run("solve", "nif-ring", out, "--set", "time.output_every=1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().startsWith("warning: time.output_every = 1.0 is larger than time.end = 0.05"), r.err());
        assertTrue(summary(out).get("warnings").get(0).asText().contains("time.output_every"));
    }

    @Test
    void moreThreadsThanCoresWarnsAndRunsWithTheNumberGiven() throws IOException {
        int threads = Runtime.getRuntime().availableProcessors() + 3;
        Path out = tmp.resolve("threads");
        CommandRunner r = run("solve", "nif-ring", out, "--threads", String.valueOf(threads));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: --threads " + threads + " is more than the"), r.err());
        assertEquals(threads, summary(out).get("threads").asInt());
    }

    @Test
    void outIntoANonEmptyDirectoryIsRefusedUnlessOverwrite() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("full"));
        Path mine = Files.writeString(out.resolve("mine.txt"), "keep");
        assertRefused(run("solve", "nif-ring", out), "already holds files", null);
        assertEquals(List.of("mine.txt"), listing(out));
        CommandRunner r = run("solve", "nif-ring", out, "--overwrite");
        assertEquals(0, r.status(), r.err());
        assertEquals("keep", Files.readString(mine), "--overwrite replaces the run's own files only");
        assertTrue(Files.isRegularFile(out.resolve("solution.h5")));
        // An empty directory made beforehand (as a batch script or a sweep does) is used as it is.
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, run("solve", "nif-ring", empty).status());
    }

    @Test
    void repeatedSeedsAreRefused() {
        Path out = tmp.resolve("seeds");
        assertRefused(run("simulate", "nif-ring", out, "--particles", "20", "--seeds", "1,2,1"),
                "each seed may be given once, got [1, 2, 1]", out);
    }

    @Test
    void aDirectoryGivenAsTheProblemIsNamedAsOne() {
        assertRefused(run("solve", tmp.toString(), tmp.resolve("o")), "is a directory: name a problem file", null);
    }

    @Test
    void aMatrixMarketFileThatIsNotTextOrIsMissingIsSaidSo() throws IOException {
        Path binary = Files.write(tmp.resolve("w.mtx"), new byte[] {0, (byte) 0xff, (byte) 0xfe, 10});
        Path out = tmp.resolve("o");
        assertRefused(run("solve", "nif-ring", out, "--set", "nif.kernel={network: " + binary + "}"),
                "is not a Matrix Market file (not text", out);
        Path missing = tmp.resolve("nowhere.mtx");
        CommandRunner r = run("solve", "nif-ring", out, "--set", "nif.kernel={network: " + missing + "}");
        assertRefused(r, "nif.kernel.network: no such file: " + missing, out);
        assertEquals(r.err().indexOf(missing.toString()), r.err().lastIndexOf(missing.toString()), "the path once");
    }

    @Test
    void aMisspelledRequiredKeyIsReportedWithTheSpellingGiven() throws IOException {
        String text = CommandRunner.run("problems", "--show", "nif-ring").out().replace("  initial:", "  intial:");
        Path file = Files.writeString(tmp.resolve("typo.yaml"), text);
        assertRefused(run("solve", file.toString(), tmp.resolve("o")),
                "nif.initial: missing required key ('nif.intial' is given: did you mean 'nif.initial'?)", null);
    }

    @Test
    void aNonFiniteKernelIsLocatedByItsLabels() {
        assertRefused(run("solve", "nif-ring", tmp.resolve("o"), "--set", "nif.kernel=1/(xi - 0.375)"),
                "not finite on the label cell xi in [0.25, 0.5], zeta in [0, 0.25]", null);
    }

    @Test
    void simulateOnANetworkFileOfAnySizeRunsWhateverTheLabelGrid() throws IOException {
        // Six neurons on four label cells (not a multiple), two synapses: few or no spikes, and still a file.
        Path network = Files.writeString(tmp.resolve("n6.mtx"),
                "%%MatrixMarket matrix coordinate real general\n6 6 2\n1 2 0.5\n3 4 1\n");
        Path out = tmp.resolve("file");
        CommandRunner r = run("simulate", "nif-ring", out, "--particles", "6", "--set", "particles.connectivity=file",
                "--set", "particles.file=" + network);
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(out.resolve("particles.h5")) > 0);
        assertEquals(6, summary(out).get("particles").asInt());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
