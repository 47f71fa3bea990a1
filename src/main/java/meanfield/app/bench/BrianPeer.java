package meanfield.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * The peer step of a bench run.
     *
     * @param arguments the step's arguments after its main class, or null when it is skipped
     * @param skipped   why it is skipped, for the report's notes, or null
     */
    record Plan(List<String> arguments, String skipped) {
    }

    static Plan plan(Path root) throws InterruptedException {
        Path launcher = root.resolve("meanfield");
        if (!Files.isExecutable(launcher)) {
            return new Plan(null, "peer comparison (Brian2) skipped: no launcher at " + launcher);
        }
        String missing = brian2Missing();
        if (missing != null) {
            return new Plan(null, "peer comparison (Brian2) skipped: " + missing
                    + " (install Debian's python3-brian: apt-get install -y python3-brian)");
        }
        return new Plan(List.of("--launcher", launcher.toString(), "--workload",
                root.resolve("benchmarks/peer/workload.yaml").toString(), "--brian2",
                root.resolve("benchmarks/peer/brian2_workload.py").toString(), "--python", PYTHON), null);
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
