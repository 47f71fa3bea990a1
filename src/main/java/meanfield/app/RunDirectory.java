package meanfield.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The run's settings as run.json holds them.
     *
     * @param particles N of a simulate run (0 for solve)
     * @param seeds     the seeds of a simulate run (empty for solve)
     */
    record Settings(String command, String problem, Path sourceDirectory, double checkpointEvery, int particles,
            List<Long> seeds) {
    }

    Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    /** The checkpoint of one seed of a simulate run: checkpoint.bin for a single seed. */
    Path checkpoint(long seed, int seeds) {
        return seeds == 1 ? checkpoint() : dir.resolve("checkpoint_seed" + seed + ".bin");
    }

    /** Creates the directory if needed (the run is ready to write) and writes the run's settings. */
    void start(String resolvedYaml, Settings settings) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProblemException("--out", "cannot create the directory " + dir + ": " + e.getMessage());
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("command", settings.command());
        run.put("problem", settings.problem());
        run.put("source_directory", settings.sourceDirectory().toString());
        run.put("checkpoint_every", settings.checkpointEvery());
        run.put("particles", settings.particles());
        run.put("seeds", settings.seeds());
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
            List<Long> seeds = ((List<?>) run.get("seeds")).stream().map(s -> ((Number) s).longValue()).toList();
            return new Settings((String) run.get("command"), (String) run.get("problem"),
                    Path.of((String) run.get("source_directory")), ((Number) run.get("checkpoint_every")).doubleValue(),
                    ((Number) run.get("particles")).intValue(), seeds);
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
