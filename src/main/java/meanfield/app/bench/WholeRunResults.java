package meanfield.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the {@code --json} file of a whole-run benchmark: an array of {@link Figure}s. */
final class WholeRunResults {
    private WholeRunResults() {
    }

    static List<Figure> read(Path file) throws IOException {
        return Arrays.asList(new ObjectMapper().readValue(file.toFile(), Figure[].class));
    }
}
