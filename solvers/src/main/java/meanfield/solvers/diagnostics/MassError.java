package meanfield.solvers.diagnostics;

import meanfield.solvers.NumericalFailure;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;

/**
 * max over steps and groups of |mass - 1|, a field's slice being split into equal contiguous
 * groups (labels of NIF, or one group for a density on the torus) and the mass of a group being
 * {@code measure} times the sum of its values, or with quadrature weights (one per point of a
 * group, for nodes that are not equally spaced) the weighted sum. A non-finite mass stops the run.
 */
public final class MassError extends Extreme {
    private final ResultLayout layout;
    private final Variable field;
    private final int slot;
    private final int groups;
    private final double measure;
    private final double[] weights;

    public MassError(ResultLayout layout, String field, int groups, double measure) {
        this(layout, field, groups, measure, null);
    }

    /** With a quadrature weight per point of a group. */
    public MassError(ResultLayout layout, String field, int groups, double[] weights) {
        this(layout, field, groups, 1.0, weights.clone());
    }

    private MassError(ResultLayout layout, String field, int groups, double measure, double[] weights) {
        super("mass_error_max", 0);
        this.layout = layout;
        this.slot = layout.slot(field);
        this.field = layout.perOutput().get(slot);
        this.groups = groups;
        this.measure = measure;
        this.weights = weights;
    }

    @Override
    public void observe(double t, double[] y, double[][] fields, boolean output) {
        double[] f = fields[slot];
        int width = f.length / groups;
        for (int g = 0; g < groups; g++) {
            double sum = 0;
            for (int i = g * width, end = i + width; i < end; i++) {
                sum += weights == null ? f[i] : weights[i - g * width] * f[i];
            }
            double mass = measure * sum;
            if (!Double.isFinite(mass)) {
                int bad = g * width;
                while (Double.isFinite(f[bad])) {
                    bad++;
                }
                throw new NumericalFailure(t, "non-finite density at " + layout.describe(field, bad));
            }
            value = Math.max(value, Math.abs(mass - 1));
        }
    }
}
