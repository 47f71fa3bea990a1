package meanfield.app.problem;

/** A user error in a problem or on the command line: one message naming the key. Exit status 2. */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProblemException(String key, String message) {
        super(key.isEmpty() ? message : key + ": " + message);
    }
}
