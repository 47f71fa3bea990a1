package meanfield.solvers.diagnostics;

import java.util.Map;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.run.RunObserver;

/** The minimum over steps and points of a field (positivity), reported as {@code min_density}. */
public final class Minimum implements RunObserver {
    private final int slot;
    private double min = Double.POSITIVE_INFINITY;

    public Minimum(ResultLayout layout, String field) {
        this.slot = layout.slot(field);
    }

    @Override
    public void observe(double t, double[] y, double[][] fields, boolean output) {
        double m = min;
        for (double value : fields[slot]) {
            m = Math.min(m, value);
        }
        min = m;
    }

    @Override
    public void summarize(Map<String, Object> summary) {
        summary.put("min_density", min);
    }

    @Override
    public double[] state() {
        return new double[] {min};
    }

    @Override
    public void restore(double[] state) {
        min = state[0];
    }
}
