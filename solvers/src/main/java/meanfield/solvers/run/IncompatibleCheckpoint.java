package meanfield.solvers.run;

/** A checkpoint that cannot continue this run: another state size, or a time that is not one of its output times. */
public final class IncompatibleCheckpoint extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public IncompatibleCheckpoint(String message) {
        super(message);
    }
}
