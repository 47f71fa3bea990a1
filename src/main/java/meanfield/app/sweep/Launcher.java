package meanfield.app.sweep;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import meanfield.app.Main;

/**
 * The absolute path of the {@code meanfield} launcher that Slurm elements run: found next to the
 * code (the jar is src/target/meanfield.jar, the classes src/target/classes, both three levels
 * below the launcher); {@code MEANFIELD_LAUNCHER} overrides it for installations laid out otherwise.
 */
final class Launcher {
    private Launcher() {
    }

    static Path path() {
        String env = System.getenv("MEANFIELD_LAUNCHER");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                Path candidate = p.resolve("meanfield");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // Fall through to the message below.
        }
        throw new meanfield.app.problem.ProblemException("--engine", "cannot find the meanfield launcher next to the code;"
                + " set MEANFIELD_LAUNCHER to its path");
    }
}
