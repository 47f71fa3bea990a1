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
 * converge --engine slurm: the job array it writes, its shards run here as the array would run them
 * and merged (the same numbers as the study run locally), and its refusals.
 */
class ConvergeSlurmTest {
    private static final String[] SMALL = {"--set", "grid.xi.cells=4", "--set", "time.end=0.2", "--set",
        "time.output_every=0.1"};

    @TempDir
    Path tmp;

    private static String[] study(String... options) {
        return args(new String[] {"converge", "nif-ring", "--refine", "grid.v.cells", "--levels", "3", "--from", "20"},
                SMALL, options);
    }

    @Test
    void aDryRunWritesOneTaskPerLevelAndAJobArrayWithOneShardLine() throws IOException {
        Path dir = tmp.resolve("study");
        CommandRunner r = CommandRunner.run(study("--engine", "slurm", "--dry-run", "--out", dir.toString()));
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("sweep.sbatch"));
        assertTrue(lines.contains("#SBATCH --array=1-3"), lines.toString());
        List<String> shard = lines.stream().filter(l -> l.contains("--shard")).toList();
        assertEquals(1, shard.size(), lines.toString());
        assertTrue(shard.get(0).contains("--shard \"${SLURM_ARRAY_TASK_ID}/3\""), shard.get(0));
        assertTrue(shard.get(0).contains("--command converge --vary grid.v.cells=20,40,80"), shard.get(0));
        assertTrue(shard.get(0).endsWith("--level-task"), shard.get(0));
        JsonNode tasks = new ObjectMapper().readTree(dir.resolve("sweep.json").toFile()).get("tasks");
        assertEquals(List.of("grid.v.cells=20", "grid.v.cells=40", "grid.v.cells=80"),
                List.of(tasks.get(0).get("name").asText(), tasks.get(1).get("name").asText(), tasks.get(2).get("name").asText()));
        assertFalse(Files.exists(dir.resolve("tasks")), "a dry run ran levels");
        assertTrue(r.out().contains("converge --merge " + dir), r.out());
    }

    static Stream<Arguments> studies() {
        return Stream.of(Arguments.of("finest", "density"), Arguments.of("richardson", "density"),
                Arguments.of("finest", "rate"), Arguments.of("manufactured", "density"));
    }

    /**
     * Both shards of a two-element array run here with the exact line the script gives Slurm, then
     * the merge: its summary.json and convergence.csv equal the local study's but for wall times and
     * threads.
     */
    @ParameterizedTest
    @MethodSource("studies")
    void twoShardsRunAsTheArrayThenMergedGiveTheLocalStudy(String reference, String quantity) throws IOException {
        Path local = tmp.resolve("local");
        Path dir = tmp.resolve("slurm");
        SlurmScripts.runLocallyAndAsArray("converge", study("--reference", reference, "--quantity", quantity), local,
                dir);
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = results(json.readTree(local.resolve("summary.json").toFile()));
        JsonNode merged = results(json.readTree(dir.resolve("study/summary.json").toFile()));
        assertEquals(expected, merged);
        assertTrue(expected.get("levels").get(0).has("error"), expected.toString());
        assertEquals(withoutWall(local.resolve("convergence.csv")), withoutWall(dir.resolve("study/convergence.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("study/convergence.png")));
    }

    @Test
    void mergingBeforeEveryLevelIsDoneListsTheMissingLevels() {
        Path dir = tmp.resolve("partial");
        SlurmScripts.assertEarlyMergeListsTheMissingTasks("converge", study("--engine", "slurm", "--dry-run", "--shards",
                "3", "--out", dir.toString()), dir, "grid.v.cells=40; grid.v.cells=80");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(new String[] {"--engine", "cluster"}, "--engine: must be local or slurm"),
                Arguments.of(new String[] {"--engine", "slurm", "--dry-run", "--shards", "4"}, "--shards: must be between 1"),
                Arguments.of(new String[] {"--engine", "slurm", "--dry-run", "--factor", "1.5"}, "--factor: refining a count"),
                Arguments.of(new String[] {"--engine", "slurm", "--level-task"}, "--level-task: is what the study's"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineNamingTheOptionAndExitTwo(String[] options, String message) {
        Path dir = tmp.resolve("bad");
        SlurmScripts.assertRefusedInOneLine(CommandRunner.run(args(study(options),
                new String[] {"--out", dir.toString()})), message);
        assertFalse(Files.exists(dir.resolve("tasks")), "levels ran after a refusal");
    }

    @Test
    void theParticleStudyAndAPlainSweepAreRefusedByName() throws IOException {
        CommandRunner p = CommandRunner.run("converge", "nif-ring", "--refine", "particles", "--engine", "slurm",
                "--dry-run", "--out", tmp.resolve("p").toString());
        assertEquals(2, p.status());
        assertTrue(p.err().startsWith("error: --engine: the particle-number study"), p.err());
        Path sweep = tmp.resolve("sweep");
        assertEquals(0, CommandRunner.run(args(new String[] {"sweep", "nif-ring", "--command", "solve", "--vary",
            "nif.sigma=0.05,0.1", "--engine", "slurm", "--dry-run", "--out", sweep.toString()}, SMALL)).status());
        CommandRunner m = CommandRunner.run("converge", "--merge", sweep.toString());
        assertEquals(2, m.status());
        assertTrue(m.err().startsWith("error: --merge: " + sweep + " is not the directory of a 'converge --engine"
                + " slurm' study"), m.err());
    }

    /** The summary without what may differ between engines: wall times, threads, when and where it ran. */
    private static JsonNode results(JsonNode summary) {
        ObjectNode copy = SlurmScripts.withoutRunFacts(summary);
        for (JsonNode level : copy.get("levels")) {
            ((ObjectNode) level).remove("wall_seconds");
        }
        return copy;
    }

    private static List<String> withoutWall(Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split(",", -1);
            cells[4] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }
}
