package meanfield.solvers;

/**
 * A run that cannot go on (a NaN, a blow-up, a collapsed step): says where and when, so that
 * the caller can keep what was computed before and report it.
 */
public final class NumericalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final double time;

    public NumericalFailure(double time, String what) {
        super(what + " at t = " + time);
        this.time = time;
    }

    public double time() {
        return time;
    }
}
