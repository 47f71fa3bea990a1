package meanfield.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the tests of the Slurm studies share: the array element's command line from a written
 * sweep.sbatch, split as bash would, and a summary without the facts of how and where it ran.
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
