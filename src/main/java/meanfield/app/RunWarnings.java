package meanfield.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import meanfield.solvers.time.TimeControl;

/**
 * Settings that run but are likely not what the user meant: each is printed on stderr as
 * "warning: ..." before the run starts and kept in summary.json, and the run goes on as asked.
 */
final class RunWarnings {
    private RunWarnings() {
    }

    /** The warnings of a run of this time section on this many threads. */
    static List<String> of(TimeControl time, int threads) {
        List<String> warnings = new ArrayList<>();
        if (time.outputEvery() > time.end()) {
            warnings.add("time.output_every = " + time.outputEvery() + " is larger than time.end = " + time.end()
                    + ": the only outputs are at t = 0 and the end (time.output_every defaults to time.end / 100)");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            warnings.add("--threads " + threads + " is more than the " + cores + " cores this JVM sees: the threads"
                    + " share them and the run is no faster; it runs with " + threads + " as asked");
        }
        return warnings;
    }

    /** Prints each warning on one line. */
    static List<String> print(List<String> warnings, PrintWriter err) {
        warnings.forEach(w -> err.println("warning: " + w));
        return warnings;
    }
}
