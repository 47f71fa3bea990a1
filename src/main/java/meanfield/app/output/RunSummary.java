package meanfield.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** summary.json: the keys every command writes (PROBLEMS.md "Outputs") followed by its own. */
public final class RunSummary {
    private RunSummary() {
    }

    public static void write(Path file, String command, String problem, String model, long startNanos,
            Map<String, Object> resolvedProblem, Map<String, Object> results) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", command);
        summary.put("problem", problem);
        summary.put("model", model);
        summary.put("wall_seconds", (System.nanoTime() - startNanos) * 1e-9);
        summary.putAll(results);
        summary.put("problem_resolved", resolvedProblem);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
