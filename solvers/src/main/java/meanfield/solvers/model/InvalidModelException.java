package meanfield.solvers.model;

/**
 * A model that cannot be solved as given (a negative rate, an empty initial density, a kernel
 * on the wrong label grid), naming the part of the model at fault so that the caller can
 * point its user at the right input.
 */
public final class InvalidModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The parts of a model, in the language of MODEL.md. */
    public enum Part { RESET, SIGMA, DRIFT, RATE, THRESHOLD, KERNEL, INITIAL, GRID, RANK_WEIGHT, VELOCITIES,
        /** The time step, fixed or default, or the time integrator chosen. */
        TIME_STEP, SCHEME,
        /** The particle system's settings: number, step, bins, network. */
        PARTICLES }

    private final Part part;

    public InvalidModelException(Part part, String message) {
        super(message);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
