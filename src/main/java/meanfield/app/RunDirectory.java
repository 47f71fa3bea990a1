package meanfield.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import meanfield.app.problem.ProblemException;

/**
 * What a run directory keeps from the moment a run starts, so that {@code resume} can continue it
 * after a kill: {@code problem.yaml} (the resolved problem) and {@code run.json} (the command, the
 * problem's name, the folder its relative paths are taken from, the checkpoint interval), and the
 * checkpoint {@code checkpoint.bin}.
 */
record RunDirectory(Path dir) {
    static final String CHECKPOINT = "checkpoint.bin";
    static final String PROBLEM = "problem.yaml";
    static final String RUN = "run.json";

    /** The run's settings as run.json holds them. */
    record Settings(String command, String problem, Path sourceDirectory, double checkpointEvery) {
    }

    Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    void start(String resolvedYaml, Settings settings) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", settings.command());
        run.put("problem", settings.problem());
        run.put("source_directory", settings.sourceDirectory().toString());
        run.put("checkpoint_every", settings.checkpointEvery());
        try {
            Files.writeString(dir.resolve(PROBLEM), resolvedYaml);
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(RUN).toFile(), run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's settings into " + dir, e);
        }
    }

    Settings settings() {
        Path file = dir.resolve(RUN);
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(dir.toString(), "not a run directory (no " + RUN + ")");
        }
        try {
            Map<?, ?> run = new ObjectMapper().readValue(file.toFile(), Map.class);
            return new Settings((String) run.get("command"), (String) run.get("problem"),
                    Path.of((String) run.get("source_directory")), ((Number) run.get("checkpoint_every")).doubleValue());
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new ProblemException(file.toString(), "cannot read the run's settings: " + e.getMessage());
        }
    }

    String problemYaml() {
        try {
            return Files.readString(dir.resolve(PROBLEM));
        } catch (IOException e) {
            throw new ProblemException(dir.resolve(PROBLEM).toString(), "cannot read the run's problem: " + e.getMessage());
        }
    }
}
