package meanfield.app;

import static meanfield.app.SlurmScripts.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * validate --engine slurm: the job array it writes (one task per particle number), its shards run
 * here as the array would run them and merged (the same numbers as the study run locally), and its
 * refusals.
 */
class ValidateSlurmTest {
    private static final String[] NIF_SMALL = {"--set", "time.end=0.3", "--set", "time.output_every=0.05", "--set",
        "particles.bins=4", "--set", "grid.v.cells=60", "--set", "grid.xi.cells=4"};
    private static final String[] TOPO_SMALL = {"--set", "particles.bins=4", "--set",
        "topo.velocities={grid: {min: -1, max: 1, count: 4}}", "--set", "grid.x.cells=32", "--set", "time.end=0.5",
        "--set", "time.output_every=0.25"};

    @TempDir
    Path tmp;

    private static String[] nif(String... options) {
        return args(new String[] {"validate", "nif-ring", "--particles", "200,50,100", "--seeds", "3"}, NIF_SMALL,
                options);
    }

    @Test
    void aDryRunWritesOneTaskPerParticleNumberAndAJobArrayWithOneShardLine() throws IOException {
        Path dir = tmp.resolve("study");
        CommandRunner r = CommandRunner.run(nif("--engine", "slurm", "--dry-run", "--out", dir.toString()));
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("sweep.sbatch"));
        assertTrue(lines.contains("#SBATCH --array=1-3"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("#SBATCH --mem=")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("#SBATCH --time=")), lines.toString());
        List<String> shard = lines.stream().filter(l -> l.contains("--shard")).toList();
        assertEquals(1, shard.size(), lines.toString());
        assertTrue(shard.get(0).contains("--command validate --vary particles.n=50,100,200 --seeds 1-3"), shard.get(0));
        assertTrue(shard.get(0).endsWith("--runs-task"), shard.get(0));
        JsonNode tasks = new ObjectMapper().readTree(dir.resolve("sweep.json").toFile()).get("tasks");
        assertEquals(3, tasks.size());
        assertEquals("particles.n=50", tasks.get(0).get("name").asText());
        assertFalse(Files.exists(dir.resolve("tasks")), "a dry run ran tasks");
        assertTrue(r.out().contains("validate --merge " + dir), r.out());
    }

    static Stream<Arguments> studies() {
        return Stream.of(Arguments.of((Object) nif("--kernel", "both", "--times", "0.1,0.3")),
                Arguments.of((Object) nif("--kernel", "limit", "--trees", "chain:1,v;star:nu,1,1")),
                Arguments.of((Object) args(new String[] {"validate", "topo-1d", "--particles", "100,400", "--seeds", "2"},
                        TOPO_SMALL)));
    }

    /**
     * Both shards of a two-element array run here with the exact line the script gives Slurm, then
     * the merge: its summary.json (every run's distances per seed, the fits, the grid error) and
     * validation.h5 equal the local study's but for wall times and threads.
     */
    @ParameterizedTest
    @MethodSource("studies")
    void twoShardsRunAsTheArrayThenMergedGiveTheLocalStudy(String[] study) throws IOException {
        Path local = tmp.resolve("local");
        Path dir = tmp.resolve("slurm");
        SlurmScripts.LocalAndMerged runs = SlurmScripts.runLocallyAndAsArray("validate", study, local, dir);
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = results(json.readTree(local.resolve("summary.json").toFile()));
        JsonNode merged = results(json.readTree(dir.resolve("study/summary.json").toFile()));
        assertEquals(expected, merged);
        assertTrue(expected.get("runs").get(0).get("error_" + (study[1].startsWith("nif") ? "rate" : "density")
                + "_per_seed").size() > 0, expected.toString());
        assertEquals(withoutWall(runs.local().out()), withoutWall(runs.merge().out()));
        for (String file : List.of("validation.h5", "validation.png")) {
            assertTrue(Files.isRegularFile(dir.resolve("study").resolve(file)), file);
        }
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(local.resolve("validation.h5")),
                Files.readAllBytes(dir.resolve("study/validation.h5"))), "validation.h5 differs");
    }

    @Test
    void mergingBeforeEveryTaskIsDoneListsTheMissingTasks() {
        Path dir = tmp.resolve("partial");
        SlurmScripts.assertEarlyMergeListsTheMissingTasks("validate", nif("--engine", "slurm", "--dry-run", "--shards",
                "3", "--out", dir.toString()), dir, "particles.n=100; particles.n=200");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(new String[] {"--engine", "cluster"}, "--engine: must be local or slurm"),
                Arguments.of(new String[] {"--engine", "slurm", "--dry-run", "--shards", "4"}, "--shards: must be between 1"),
                Arguments.of(new String[] {"--engine", "slurm", "--dry-run", "--times", "5"}, "--times: 5 lies outside"),
                Arguments.of(new String[] {"--engine", "slurm", "--runs-task"}, "--runs-task: is what the study's"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsRefusedInOneLine(String[] options, String message) {
        Path dir = tmp.resolve("bad");
        SlurmScripts.assertRefusedInOneLine(CommandRunner.run(args(nif(options),
                new String[] {"--out", dir.toString()})), message);
        assertFalse(Files.exists(dir.resolve("tasks")), "tasks ran after a refusal");
    }

    @Test
    void withoutSbatchAndWithoutDryRunItRefusesBeforeWriting() {
        Path dir = tmp.resolve("nosbatch");
        // Keep sbatch out of sight whatever the machine (SlurmEngine.PATH_PROPERTY).
        System.setProperty("meanfield.sweep.path", tmp.toString());
        CommandRunner r;
        try {
            r = CommandRunner.run(nif("--engine", "slurm", "--out", dir.toString()));
        } finally {
            System.clearProperty("meanfield.sweep.path");
        }
        SlurmScripts.assertRefusedInOneLine(r, "--engine: slurm needs sbatch");
        assertFalse(Files.exists(dir), "a refused study wrote its directory");
    }

    @Test
    void aConvergeDirectoryIsRefusedByName() {
        Path sweep = tmp.resolve("sweep");
        CommandRunner c = CommandRunner.run("converge", "nif-ring", "--refine", "grid.v.cells", "--levels", "3", "--from",
                "20", "--engine", "slurm", "--dry-run", "--out", sweep.toString());
        assertEquals(0, c.status(), c.err());
        CommandRunner m = CommandRunner.run("validate", "--merge", sweep.toString());
        assertEquals(2, m.status());
        assertTrue(m.err().startsWith("error: --merge: " + sweep + " is not the directory of a 'validate --engine"
                + " slurm' study"), m.err());
    }

    /** The summary without what may differ between engines: wall times, threads, when and where it ran. */
    private static JsonNode results(JsonNode summary) {
        ObjectNode copy = SlurmScripts.withoutRunFacts(summary);
        for (JsonNode run : copy.get("runs")) {
            ((ObjectNode) run).remove("wall_seconds_per_run");
        }
        ((ObjectNode) copy.get("continuum")).remove("wall_seconds");
        return copy;
    }

    /** The printed table without its wall-seconds column. */
    private static List<String> withoutWall(String table) {
        List<String> rows = new ArrayList<>();
        for (String line : table.lines().toList()) {
            rows.add(line.replaceAll("\\s+[0-9.]+\\s*$", ""));
        }
        return rows;
    }
}
