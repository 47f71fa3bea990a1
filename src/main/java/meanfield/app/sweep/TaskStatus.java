package meanfield.app.sweep;

/** Where a task stands, read from the markers in its directory (see {@link TaskDirectory}). */
public enum TaskStatus {
    DONE, RUNNING, FAILED, PENDING;

    /** As sweep.csv and {@code sweep status} print it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
