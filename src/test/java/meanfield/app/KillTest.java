package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * A solve or simulate killed with SIGKILL at about half of its run leaves a result file that h5py
 * opens, holding every output time reached before the kill, and the run resumes from its last
 * checkpoint to the outputs of an uninterrupted run, bit for bit; the same for a Zarr store, whose
 * arrays are exactly as long as the outputs reached.
 */
class KillTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path tmp;

    private static List<String> arguments(String command, Path out, String... settings) {
        List<String> args = new ArrayList<>(List.of(command, "nif-ring", "--quiet", "--threads=1", "--out=" + out,
                "--checkpoint-every", "0.5"));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        return args;
    }


    @Test
    void killedSolveKeepsEveryOutputBeforeTheKillAndResumesBitForBit() throws Exception {
        killAtHalfThenResume("solve", "solution.h5", 61, new String[] {"t", "rate", "density"}, "grid.v.cells=400",
                "grid.xi.cells=32", "time.end=3", "time.output_every=0.05", "time.tolerance=1e-5");
    }

    @Test
    void killedSimulateKeepsEveryWindowBeforeTheKillAndResumesBitForBit() throws Exception {
        killAtHalfThenResume("simulate", "particles.h5", 60, new String[] {"t", "rate"}, "particles.n=60000",
                "particles.connectivity=erdos-renyi", "particles.degree=20", "time.end=3", "time.output_every=0.05");
    }

    @Test
    void killedZarrSolveKeepsExactlyTheOutputsBeforeTheKillAndResumesBitForBit() throws Exception {
        String[] settings = {"output.format=zarr", "grid.v.cells=400", "grid.xi.cells=32", "time.end=3",
            "time.output_every=0.05", "time.tolerance=1e-5"};
        Path whole = tmp.resolve("whole");
        CommandRunner full = CommandRunner.run(arguments("solve", whole, settings).toArray(String[]::new));
        assertEquals(0, full.status(), full.err());
        Path killed = tmp.resolve("killed");
        Process process = ChildRun.start(arguments("solve", killed, settings), tmp.resolve("killed.log"), null);
        Path store = killed.resolve("solution.zarr");
        ChildRun.awaitRows(process, store, 30);
        assertTrue(process.isAlive(), "the run ended before it could be killed: make it longer");
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");

        var partial = meanfield.app.output.zarr.ZarrStore.open(store);
        var expected = meanfield.app.output.zarr.ZarrStore.open(whole.resolve("solution.zarr"));
        int reached = (int) partial.meta("t").shape()[0];
        assertTrue(reached >= 30 && reached < 61, "outputs reached before the kill: " + reached);
        for (String name : new String[] {"t", "rate", "density"}) {
            assertEquals(reached, partial.meta(name).shape()[0], name + ": as long as the outputs reached");
            assertArrayEquals(expected.readNumbers(name, reached), partial.readNumbers(name, reached), name);
        }
        CommandRunner resumed = CommandRunner.run("resume", killed.toString(), "--quiet", "--threads=2");
        assertEquals(0, resumed.status(), resumed.err());
        var after = meanfield.app.output.zarr.ZarrStore.open(store);
        for (String name : new String[] {"t", "xi", "v", "rate", "density"}) {
            long rows = expected.meta(name).shape()[0];
            assertArrayEquals(expected.meta(name).shape(), after.meta(name).shape(), name);
            assertArrayEquals(expected.readNumbers(name, rows), after.readNumbers(name, rows), name + " after resume");
        }
    }

    /** @param outputs output rows of the whole run; {@code rows} the time-dependent datasets to compare */
    private void killAtHalfThenResume(String verb, String name, int outputs, String[] rows, String... settings)
            throws Exception {
        Path whole = tmp.resolve("whole");
        CommandRunner full = CommandRunner.run(arguments(verb, whole, settings).toArray(String[]::new));
        assertEquals(0, full.status(), full.err());

        Path killed = tmp.resolve("killed");
        Process process = ChildRun.start(arguments(verb, killed, settings), tmp.resolve("killed.log"), null);
        Path file = killed.resolve(name);
        ChildRun.awaitRows(process, file, outputs / 2);
        assertTrue(process.isAlive(), "the run ended before it could be killed: make it longer");
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");

        int reached = ChildRun.rowsWritten(file);
        assertTrue(reached >= outputs / 2 && reached < outputs, "rows reached before the kill: " + reached);
        var expected = ResultFiles.datasets(whole.resolve(name));
        var partial = ResultFiles.datasets(file);
        for (String dataset : rows) {
            int row = expected.get(dataset).length / outputs;
            assertArrayEquals(Arrays.copyOf(expected.get(dataset), reached * row),
                    Arrays.copyOf(partial.get(dataset), reached * row), dataset + ": the outputs before the kill");
        }
        opensInH5py(file, reached, outputs, rows[rows.length - 1]);

        CommandRunner resumed = CommandRunner.run("resume", killed.toString(), "--quiet", "--threads=2");
        assertEquals(0, resumed.status(), resumed.err());
        ResultFiles.assertIdentical(whole.resolve(name), file);
    }

    private static void opensInH5py(Path file, int reached, int outputs, String dataset) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import h5py")
                .start().waitFor() == 0, "h5py is not installed for /usr/bin/python3 (apt-get install python3-h5py):"
                + " the file was checked with jHDF only");
        String script = "import h5py, math\n"
                + "f = h5py.File(r'" + file + "', 'r')\n"
                + "t = f['t'][:]\n"
                + "print(len(t), sum(1 for x in t if not math.isnan(x)), f['" + dataset + "'].shape[0], f.attrs['problem'][:5])\n";
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), printed);
        String[] fields = printed.split(" ");
        assertEquals(String.valueOf(outputs), fields[0], printed);
        assertEquals(String.valueOf(reached), fields[1], printed);
        assertEquals(String.valueOf(outputs), fields[2], printed);
        assertTrue(new File(file.toString()).length() > 0);
    }
}
