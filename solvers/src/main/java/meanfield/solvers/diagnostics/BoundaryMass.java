package meanfield.solvers.diagnostics;

import java.util.Map;

import meanfield.solvers.run.RunObserver;
import meanfield.solvers.result.ResultLayout;

/**
 * max over steps and groups of the mass in the outermost cells of each group (the first, and the
 * last unless that end absorbs): if it is not small, the zero-flux ends of a truncated domain are
 * felt. Reported as {@code boundary_mass_max}.
 */
public final class BoundaryMass implements RunObserver {
    private final int slot;
    private final int groups;
    private final double measure;
    private final boolean lastEnd;
    private double max;

    public BoundaryMass(ResultLayout layout, String field, int groups, double measure, boolean lastEnd) {
        this.slot = layout.slot(field);
        this.groups = groups;
        this.measure = measure;
        this.lastEnd = lastEnd;
    }

    @Override
    public void observe(double t, double[] y, double[][] fields, boolean output) {
        double[] f = fields[slot];
        int width = f.length / groups;
        for (int g = 0; g < groups; g++) {
            double outer = f[g * width] + (lastEnd ? f[g * width + width - 1] : 0);
            max = Math.max(max, measure * outer);
        }
    }

    @Override
    public void summarize(Map<String, Object> summary) {
        summary.put("boundary_mass_max", max);
    }

    @Override
    public double[] state() {
        return new double[] {max};
    }

    @Override
    public void restore(double[] state) {
        max = state[0];
    }
}
