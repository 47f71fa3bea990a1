package meanfield.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import meanfield.app.output.DirectoryTree;
import meanfield.app.problem.ProblemException;

/**
 * The output directory of a command, checked when the command starts and created only when the
 * run is ready to write into it, so that a refused run leaves nothing behind. A directory that
 * holds files already is refused unless the user said {@code --overwrite}: writing beside an
 * earlier run's files would mix two runs in one place.
 *
 * @param existed whether the directory was there before this command (then it is never removed)
 */
record OutputDirectory(Path path, boolean existed) {

    /** --out, or runs/<problem>-<command>-<timestamp>; refused when it is a file, or a non-empty directory without overwrite. */
    static OutputDirectory choose(Path out, String problemName, String command, boolean overwrite) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = out != null ? out : Path.of("runs", problemName + "-" + command + "-" + stamp);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ProblemException("--out", dir + " is a file, not a directory: name a directory to write into");
        }
        boolean existed = Files.isDirectory(dir);
        if (existed && !overwrite && !isEmpty(dir)) {
            throw new ProblemException("--out", dir + " already holds files: choose another directory, or add"
                    + " --overwrite to write into it (files of the same name are replaced)");
        }
        return new OutputDirectory(dir, existed);
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new ProblemException("--out", "cannot read the directory " + dir + ": " + e.getMessage());
        }
    }

    /** Creates the directory (and its parents); a path that cannot be created is a user error. */
    Path create() {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new ProblemException("--out", "cannot create the directory " + path + ": " + e.getMessage());
        }
        return path;
    }

    /**
     * Removes the directory with everything in it if this command created it: called when the run
     * is refused after it started writing (a model found invalid at t = 0), so that no directory
     * without results is left. A directory the user had already is left as it is.
     */
    void discardIfNew() {
        if (existed || !Files.isDirectory(path)) {
            return;
        }
        try {
            DirectoryTree.delete(path);
        } catch (IOException e) {
            // The refusal is what the user must see; a directory that could not be removed only adds clutter.
        }
    }
}
