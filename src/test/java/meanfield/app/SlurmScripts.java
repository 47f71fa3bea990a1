package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the tests of the Slurm studies share: the array element's command line from a written
 * sweep.sbatch, split as bash would and run here; a study run locally and as an array, then merged;
 * the merge's and the options' refusals; and a summary without the facts of how and where it ran.
 */
final class SlurmScripts {
    private SlurmScripts() {
    }

    /** The script's line that runs one array element's shard. */
    static String sweepLine(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("sweep.sbatch")).stream().filter(x -> x.contains("--shard"))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts one after the other, as one command line. */
    static String[] args(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    /** Array element {@code element} of the study in {@code dir}, run here with the exact line the script gives Slurm. */
    static CommandRunner runElement(Path dir, int element) {
        List<String> words = shellWords(sweepLine(dir).replace("${SLURM_ARRAY_TASK_ID}", String.valueOf(element)));
        // exec LAUNCHER sweep ...: the launcher's part is the jar, run here in-process.
        return CommandRunner.run(words.subList(2, words.size()).toArray(String[]::new));
    }

    /** The local study's run and the merge's, both succeeded. */
    record LocalAndMerged(CommandRunner local, CommandRunner merge) {
    }

    /**
     * The {@code study} command line run locally into {@code local} (two threads) and as a dry-run
     * array of two elements into {@code dir}, both elements run here, then {@code command --merge dir}.
     */
    static LocalAndMerged runLocallyAndAsArray(String command, String[] study, Path local, Path dir) {
        CommandRunner l = CommandRunner.run(args(study, new String[] {"--out", local.toString(), "--quiet",
            "--threads", "2"}));
        assertEquals(0, l.status(), l.err());
        CommandRunner d = CommandRunner.run(args(study, new String[] {"--engine", "slurm", "--dry-run", "--shards", "2",
            "--out", dir.toString()}));
        assertEquals(0, d.status(), d.err());
        for (int element = 1; element <= 2; element++) {
            CommandRunner shard = runElement(dir, element);
            assertEquals(0, shard.status(), shard.err());
        }
        CommandRunner m = CommandRunner.run(command, "--merge", dir.toString());
        assertEquals(0, m.status(), m.err());
        return new LocalAndMerged(l, m);
    }

    /**
     * {@code dryRun} (a study of three tasks in three elements, written into {@code dir}), only its
     * first element run, then {@code command --merge dir}: refused in one line naming the
     * {@code missing} tasks, and no study written.
     */
    static void assertEarlyMergeListsTheMissingTasks(String command, String[] dryRun, Path dir, String missing) {
        assertEquals(0, CommandRunner.run(dryRun).status());
        assertEquals(0, runElement(dir, 1).status());
        CommandRunner m = CommandRunner.run(command, "--merge", dir.toString());
        assertEquals(2, m.status());
        assertEquals(List.of("error: --merge: 2 of 3 task(s) are not done: " + missing
                + " ('meanfield sweep status " + dir + "' says why; submit the study again or run the missing shards)"),
                m.err().lines().toList());
        assertFalse(Files.exists(dir.resolve("study")), "a refused merge wrote its directory");
    }

    /** Exit status 2 and one line of error that starts with {@code message}. */
    static void assertRefusedInOneLine(CommandRunner r, String message) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + message), r.err());
    }

    /** A copy of the summary without what may differ between engines: wall times, threads, when and where it ran. */
    static ObjectNode withoutRunFacts(JsonNode summary) {
        ObjectNode copy = summary.deepCopy();
        for (String name : List.of("wall_seconds", "threads", "created", "started", "finished", "host", "version",
                "files")) {
            copy.remove(name);
        }
        return copy;
    }

    /** Splits a line of the script as bash would: spaces outside quotes, single and double quotes removed. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
