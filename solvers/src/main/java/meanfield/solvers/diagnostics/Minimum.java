package meanfield.solvers.diagnostics;

import meanfield.solvers.result.ResultLayout;

/** The minimum over steps and points of a field (positivity), reported as {@code min_density}. */
public final class Minimum extends Extreme {
    private final int slot;

    public Minimum(ResultLayout layout, String field) {
        super("min_density", Double.POSITIVE_INFINITY);
        this.slot = layout.slot(field);
    }

    @Override
    public void observe(double t, double[] y, double[][] fields, boolean output) {
        double m = value;
        for (double f : fields[slot]) {
            m = Math.min(m, f);
        }
        value = m;
    }
}
