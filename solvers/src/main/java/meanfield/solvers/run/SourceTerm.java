package meanfield.solvers.run;

import java.util.function.Consumer;

/**
 * A {@link Forcing} as a discretization holds it: the buffer its values land in, an optional
 * projection (such as a dealiasing rule) applied to them, and their addition to a right-hand side.
 */
public final class SourceTerm {
    private final Forcing forcing;
    private final double[] values;
    private final Consumer<double[]> projection;

    /** @param projection applied in place to s(t) before it is added, or null */
    public SourceTerm(Forcing forcing, int size, Consumer<double[]> projection) {
        this.forcing = forcing;
        this.values = new double[size];
        this.projection = projection;
    }

    /** out += s(t). */
    public void addTo(double t, double[] out) {
        forcing.source(t, values);
        if (projection != null) {
            projection.accept(values);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] += values[i];
        }
    }
}
