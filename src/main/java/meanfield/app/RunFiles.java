package meanfield.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.json's {@code files} of a solve or simulate: every file the run wrote into its directory,
 * by name, so that a script can collect a run without listing the directory (which, with
 * --overwrite, may hold an earlier run's files too).
 */
final class RunFiles {
    static final String SUMMARY = "summary.json";

    private RunFiles() {
    }

    /**
     * The run's settings, then those of {@code written} that exist (a data file is not written when
     * no output time was reached, a checkpoint only when asked for), then summary.json itself.
     */
    static List<String> listed(RunDirectory dir, List<Path> written) {
        List<String> names = new ArrayList<>(List.of(RunDirectory.PROBLEM, RunDirectory.RUN));
        for (Path file : written) {
            // A Zarr store is a directory.
            if (Files.isRegularFile(file) || Files.isDirectory(file)) {
                names.add(file.getFileName().toString());
            }
        }
        names.add(SUMMARY);
        return names;
    }
}
