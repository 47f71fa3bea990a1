package meanfield.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Brian2 peer of a bench run: {@code NifPeerWorkload} with this checkout's launcher, the
 * workload problem and the Brian2 script, when {@code /usr/bin/python3} can import brian2 (Debian's
 * python3-brian); otherwise the reason it is skipped, for the report's notes.
 */
final class BrianPeer {
    static final String PYTHON = "/usr/bin/python3";
    static final String MAIN = "NifPeerWorkload";

    private BrianPeer() {
    }

    /** The arguments of the peer step, or empty with {@code why} holding the reason it is skipped. */
    static Optional<List<String>> arguments(Path root, StringBuilder why) throws InterruptedException {
        Path launcher = root.resolve("meanfield");
        if (!Files.isExecutable(launcher)) {
            why.append("peer comparison (Brian2) skipped: no launcher at ").append(launcher);
            return Optional.empty();
        }
        String missing = brian2Missing();
        if (missing != null) {
            why.append("peer comparison (Brian2) skipped: ").append(missing)
                    .append(" (install Debian's python3-brian: apt-get install -y python3-brian)");
            return Optional.empty();
        }
        return Optional.of(List.of("--launcher", launcher.toString(), "--workload",
                root.resolve("benchmarks/peer/workload.yaml").toString(), "--brian2",
                root.resolve("benchmarks/peer/brian2_workload.py").toString(), "--python", PYTHON));
    }

    /** Null when brian2 imports, else what went wrong. */
    private static String brian2Missing() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import brian2").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : PYTHON + " cannot import brian2";
        } catch (IOException e) {
            return PYTHON + " cannot be run (" + e.getMessage() + ")";
        }
    }
}
