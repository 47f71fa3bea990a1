package meanfield.solvers.diagnostics;

import meanfield.solvers.result.ResultLayout;

/**
 * max over steps and groups of the mass in the outermost cells of each group (the first, and the
 * last unless that end absorbs): if it is not small, the zero-flux ends of a truncated domain are
 * felt. Reported as {@code boundary_mass_max}.
 */
public final class BoundaryMass extends Extreme {
    private final int slot;
    private final int groups;
    private final double measure;
    private final double[] weights;
    private final boolean lastEnd;

    /**
     * With nodes instead of cells: {@code weights} holds, per point of a group, the width that
     * stands for the outermost cell at the two end points (zero elsewhere).
     */
    public BoundaryMass(ResultLayout layout, String field, int groups, double[] weights, boolean lastEnd) {
        super("boundary_mass_max", 0);
        this.slot = layout.slot(field);
        this.groups = groups;
        this.measure = 1.0;
        this.weights = weights.clone();
        this.lastEnd = lastEnd;
    }

    public BoundaryMass(ResultLayout layout, String field, int groups, double measure, boolean lastEnd) {
        super("boundary_mass_max", 0);
        this.slot = layout.slot(field);
        this.groups = groups;
        this.measure = measure;
        this.weights = null;
        this.lastEnd = lastEnd;
    }

    @Override
    public void observe(double t, double[] y, double[][] fields, boolean output) {
        double[] f = fields[slot];
        int width = f.length / groups;
        for (int g = 0; g < groups; g++) {
            double first = weights == null ? 1 : weights[0];
            double last = weights == null ? 1 : weights[width - 1];
            double outer = first * f[g * width] + (lastEnd ? last * f[g * width + width - 1] : 0);
            value = Math.max(value, measure * outer);
        }
    }
}
