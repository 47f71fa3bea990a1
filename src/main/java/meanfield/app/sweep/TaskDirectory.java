package meanfield.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import meanfield.app.output.DirectoryTree;

/**
 * A task's directory {@code tasks/<name>/}: the command's run directory {@code run/} (summary.json
 * and the rest, exactly as the command writes them alone), the log {@code task.log}, and the
 * markers, each a small JSON file written atomically:
 * <ul>
 * <li>{@code started}: host and process id of the attempt;</li>
 * <li>{@code done}: written after the command returned 0 and its summary.json exists; holds the
 * wall time. Its presence is the only thing that makes a task complete, so a task killed at any
 * moment (even while summary.json was being written) is run again;</li>
 * <li>{@code failed}: the command's exit status, or the exception that ended it.</li>
 * </ul>
 */
public record TaskDirectory(Path dir) {
    static final String STARTED = "started";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String LOG = "task.log";
    static final String RUN = "run";

    Path run() {
        return dir.resolve(RUN);
    }

    Path log() {
        return dir.resolve(LOG);
    }

    /** done, failed, running (started here by a live process, or started elsewhere), or pending. */
    public TaskStatus status() {
        if (Files.isRegularFile(dir.resolve(DONE))) {
            return TaskStatus.DONE;
        }
        if (Files.isRegularFile(dir.resolve(FAILED))) {
            return TaskStatus.FAILED;
        }
        Map<String, Object> started = readMarker(STARTED);
        if (started != null) {
            Object host = started.get("host");
            Object pid = started.get("pid");
            // On this host a dead process id means the attempt was killed: the task failed.
            boolean here = host().equals(host);
            if (here && pid instanceof Number n && ProcessHandle.of(n.longValue()).map(ProcessHandle::isAlive).orElse(false)) {
                return TaskStatus.RUNNING;
            }
            return here ? TaskStatus.FAILED : TaskStatus.RUNNING;
        }
        return TaskStatus.PENDING;
    }

    /** The wall time recorded in the done marker, or NaN. */
    double wallSeconds() {
        Map<String, Object> done = readMarker(DONE);
        return done != null && done.get("wall_seconds") instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Clears what an earlier attempt left (markers, partial run directory) and marks this one started. */
    void begin() {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(FAILED));
            Files.deleteIfExists(dir.resolve(DONE));
            DirectoryTree.delete(run());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", host());
        m.put("pid", ProcessHandle.current().pid());
        m.put("time", java.time.Instant.now().toString());
        writeMarker(STARTED, m);
    }

    void finish(double wallSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exit_status", 0);
        m.put("wall_seconds", wallSeconds);
        m.put("host", host());
        writeMarker(DONE, m);
    }

    void fail(int exitStatus, String reason, double wallSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exit_status", exitStatus);
        m.put("reason", reason);
        m.put("wall_seconds", wallSeconds);
        m.put("host", host());
        writeMarker(FAILED, m);
    }

    private void writeMarker(String name, Map<String, Object> content) {
        try {
            AtomicFiles.write(dir.resolve(name), new ObjectMapper().writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMarker(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            // Markers are renamed into place whole; an unreadable one was damaged by hand.
            return Map.of();
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
