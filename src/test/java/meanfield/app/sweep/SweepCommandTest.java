package meanfield.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.jhdf.HdfFile;
import meanfield.app.Main;

/** Local sweeps over the built-in problems: complete tables, idempotent reruns, shards, refusals. */
class SweepCommandTest {
    private static final String[] NIF = {"--set", "grid.v.cells=40", "--set", "grid.xi.cells=4", "--set", "time.end=0.1",
        "--set", "time.output_every=0.05"};
    private static final String[] MV = {"--set", "grid.x.cells=16", "--set", "time.end=0.1", "--set",
        "time.output_every=0.05", "--set", "particles.dt=0.01", "--set", "particles.bins=4"};

    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    static Result sweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("nif-ring", "solve", "nif.sigma=0.05,0.1", NIF, 2, "mass_error_max"),
                Arguments.of("topo-1d", "solve", "grid.x.cells=16,32", new String[] {"--set", "time.end=0.1", "--set",
                    "time.output_every=0.05", "--set", "topo.velocities={grid: {min: -1, max: 1, count: 4}}"}, 2, "steps"),
                Arguments.of("topo-2d", "solve", "time.end=0.05:0.05:0.1", new String[] {"--set", "grid.x.cells=8",
                    "--set", "time.output_every=0.05", "--set", "topo.velocities={directions: 4, speed: 1}"}, 2, "steps"),
                Arguments.of("mv-1d", "simulate", "mv.sigma=0.01,0.02", MV, 4, "runs.last.steps"),
                Arguments.of("nnlif-bistable", "stationary", "parameters.J0=1:1:3", new String[] {"--set",
                    "grid.v.order=16"}, 3, "mean_rate"));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void aSmallSweepOfEachBuiltInProblemGivesACompleteTableAndARerunSkipsEveryTask(String problem, String command,
            String vary, String[] set, int tasks, String result) throws IOException {
        Path dir = tmp.resolve(problem);
        String[] seeds = command.equals("simulate") ? new String[] {"--seeds", "1-2"} : new String[0];
        String[] args = concat(new String[] {problem, "--command", command, "--vary", vary, "--out", dir.toString(),
            "--threads", "2"}, seeds, set, command.equals("simulate") ? new String[] {"--", "--particles", "50"}
                : new String[0]);
        Result first = sweep(args);
        assertEquals(0, first.status(), first.err());
        List<String[]> rows = csv(dir.resolve("sweep.csv"));
        assertEquals(tasks + 1, rows.size());
        List<String> header = List.of(rows.get(0));
        int status = header.indexOf("status");
        int column = header.indexOf(result);
        assertTrue(column > 0, "no column " + result + " in " + header);
        for (String[] row : rows.subList(1, rows.size())) {
            assertEquals("done", row[status]);
            assertFalse(row[column].isEmpty(), "no " + result + " for " + row[0]);
        }
        try (HdfFile h5 = new HdfFile(dir.resolve("sweep.h5"))) {
            assertEquals(tasks, ((double[]) h5.getDatasetByPath(result).getData()).length);
            assertEquals(rows.get(1)[0].replace("\"", ""), ((String[]) h5.getDatasetByPath("task").getData())[0]);
        }
        List<FileTime> started = startedTimes(dir);
        Result again = sweep(args);
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains(tasks + " already done, 0 to run"), again.out());
        assertEquals(started, startedTimes(dir));
        assertEquals(tasks, started.size());
    }

    @Test
    void threeShardsThenMergeGiveTheTableOfOneLocalRun() throws IOException {
        String[] definition = concat(new String[] {"mv-1d", "--command", "simulate", "--vary", "mv.sigma=0.01,0.02",
            "--seeds", "1-2"}, MV);
        String[] tail = {"--", "--particles", "40"};
        Path whole = tmp.resolve("whole");
        assertEquals(0, sweep(concat(definition, new String[] {"--out", whole.toString(), "--threads", "2"}, tail)).status());
        Path sharded = tmp.resolve("sharded");
        for (int i = 1; i <= 3; i++) {
            Result r = sweep(concat(definition, new String[] {"--out", sharded.toString(), "--shard", i + "/3"}, tail));
            assertEquals(0, r.status(), r.err());
        }
        assertFalse(Files.exists(sharded.resolve("sweep.csv")), "a shard merged");
        assertEquals(0, sweep("merge", sharded.toString()).status());
        assertEquals(withoutWallTimes(whole.resolve("sweep.csv")), withoutWallTimes(sharded.resolve("sweep.csv")));
    }

    @Test
    void anIncompleteSweepIsRefusedByMergeWithTheMissingTasksAndMergedWithPartial() throws IOException {
        Path dir = tmp.resolve("part");
        assertEquals(0, sweep(concat(new String[] {"nif-ring", "--command", "solve", "--vary", "nif.sigma=0.05,0.1,0.2",
            "--out", dir.toString(), "--shard", "2/3"}, NIF)).status());
        Result status = sweep("status", dir.toString());
        assertTrue(status.out().contains("3 task(s): 1 done, 0 running, 0 failed, 2 pending"), status.out());
        Result merge = sweep("merge", dir.toString());
        assertEquals(Main.USER_ERROR, merge.status());
        assertEquals(1, merge.err().lines().count(), merge.err());
        assertTrue(merge.err().contains("2 of 3 task(s) are not done: nif.sigma=0.05; nif.sigma=0.2"), merge.err());
        assertEquals(0, sweep("merge", dir.toString(), "--partial").status());
        List<String[]> rows = csv(dir.resolve("sweep.csv"));
        assertEquals(List.of("pending", "done", "pending"), rows.subList(1, 4).stream().map(r -> r[2]).toList());
    }

    @Test
    void aKilledOrFailedTaskIsRunAgain() throws IOException {
        Path dir = tmp.resolve("retry");
        String[] args = concat(new String[] {"nif-ring", "--command", "solve", "--vary", "nif.sigma=0.05,0.1", "--out",
            dir.toString()}, NIF);
        assertEquals(0, sweep(args).status());
        Path task = dir.resolve("tasks").resolve("nif.sigma=0.1");
        // A kill leaves the started marker (of a process that no longer exists) and no done marker.
        Files.delete(task.resolve("done"));
        Files.writeString(task.resolve("started"), "{\"host\":\"" + TaskDirectory.host() + "\",\"pid\":" + Long.MAX_VALUE + "}");
        assertTrue(sweep("status", dir.toString()).out().contains("1 done, 0 running, 1 failed, 0 pending"));
        Result rerun = sweep(args);
        assertEquals(0, rerun.status(), rerun.err());
        assertTrue(rerun.out().contains("1 already done, 1 to run"), rerun.out());
        assertTrue(Files.isRegularFile(task.resolve("done")));
    }

    @Test
    void aChangedDefinitionIsRefusedSayingHow() {
        Path dir = tmp.resolve("changed");
        assertEquals(0, sweep(concat(new String[] {"nif-ring", "--command", "solve", "--vary", "nif.sigma=0.05",
            "--out", dir.toString()}, NIF)).status());
        Result r = sweep(concat(new String[] {"nif-ring", "--command", "solve", "--vary", "nif.sigma=0.05,0.1",
            "--out", dir.toString()}, NIF));
        assertEquals(Main.USER_ERROR, r.status());
        assertEquals("error: --out: " + dir + " holds a different sweep: --vary is nif.sigma=0.05 there, not"
                + " nif.sigma=0.05,0.1; rerun it as defined there or choose another --out", r.err().strip());
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(new String[] {"--vary", "nif.bogus=1,2"}, "--vary nif.bogus=1: nif.bogus: unknown key"),
                Arguments.of(new String[] {"--vary", "parameters.K=1,2"}, "--vary: parameters.K is used by no formula"),
                Arguments.of(new String[] {"--vary", "nif.sigma=0.1,abc"}, "--vary nif.sigma: 'abc' is not a number"),
                Arguments.of(new String[] {"--vary", "nif.sigma=1:0.5:0"}, "--vary nif.sigma: the range 1:0.5:0 is empty"),
                Arguments.of(new String[] {"--vary", "nif.sigma=0.1", "--shard", "4/3"}, "--shard: I/N needs 1 <= I <= N"),
                Arguments.of(new String[] {"--vary", "nif.sigma=0.1", "--engine", "slurm"}, "--engine: slurm needs sbatch"),
                Arguments.of(new String[] {"--vary", "nif.sigma=0.1", "--seeds", "1-3"}, "--seeds: only simulate and validate"),
                Arguments.of(new String[] {"--vary", "nif.sigma=0.1", "--", "--threads", "2"}, "--: --threads is set by"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineNamingTheOptionAndExitTwo(String[] options, String message) {
        Path dir = tmp.resolve("bad");
        String[] args = concat(new String[] {"nif-ring", "--command", "solve", "--out", dir.toString()}, options);
        // Keep sbatch out of sight whatever the machine: the test is about the refusal without it.
        System.setProperty(SlurmEngine.PATH_PROPERTY, tmp.toString());
        Result r;
        try {
            r = sweep(args);
        } finally {
            System.clearProperty(SlurmEngine.PATH_PROPERTY);
        }
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + message), r.err());
        assertFalse(Files.exists(dir.resolve("tasks")), "tasks ran after a refusal");
    }

    @Test
    void aDryRunWritesAJobArrayWithOneShardLineAndTheEstimates() throws IOException {
        Path dir = tmp.resolve("slurm");
        Result r = sweep(concat(new String[] {"nif-ring", "--command", "solve", "--vary", "nif.sigma=0.05,0.1,0.2",
            "--out", dir.toString(), "--engine", "slurm", "--dry-run", "--slurm-options", "--partition=short --time=00:30:00"},
            NIF));
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("sweep.sbatch"));
        assertTrue(lines.contains("#SBATCH --array=1-3"), lines.toString());
        assertTrue(lines.contains("#SBATCH --partition=short"));
        assertEquals(List.of("#SBATCH --time=00:30:00"), lines.stream().filter(l -> l.startsWith("#SBATCH --time")).toList());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("#SBATCH --mem=")).count());
        List<String> shardLines = lines.stream().filter(l -> l.contains("--shard")).toList();
        assertEquals(1, shardLines.size());
        assertTrue(shardLines.get(0).contains("--shard \"${SLURM_ARRAY_TASK_ID}/3\""), shardLines.get(0));
        assertTrue(shardLines.get(0).contains("--out " + dir.toAbsolutePath()), shardLines.get(0));
        assertFalse(Files.exists(dir.resolve("tasks")), "a dry run ran tasks");
    }

    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            // Task names are the only quoted cells: split outside quotes.
            rows.add(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
        }
        return rows;
    }

    private static String withoutWallTimes(Path file) throws IOException {
        List<String[]> rows = csv(file);
        int wall = List.of(rows.get(0)).indexOf("wall_seconds");
        return rows.stream().map(r -> {
            List<String> cells = new ArrayList<>(List.of(r));
            cells.remove(wall);
            return String.join(",", cells);
        }).collect(Collectors.joining("\n"));
    }

    private static List<FileTime> startedTimes(Path dir) throws IOException {
        try (Stream<Path> tasks = Files.list(dir.resolve("tasks"))) {
            List<FileTime> times = new ArrayList<>();
            for (Path t : tasks.sorted().toList()) {
                times.add(Files.getLastModifiedTime(t.resolve("started")));
            }
            return times;
        }
    }
}
