package meanfield.solvers.diagnostics;

import meanfield.solvers.NumericalFailure;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;
import meanfield.solvers.run.RunObserver;

/**
 * Stops a run when a field leaves [-limit, limit] or is not finite: how a blow-up (a runaway
 * firing rate, a density beyond any physical value) shows, named by where and when.
 *
 * @param quantity what the field is, for the message ("firing rate r")
 * @param reason   closes the message when the limit (not finiteness) is crossed
 */
public final class Limit implements RunObserver {
    private final ResultLayout layout;
    private final Variable field;
    private final int slot;
    private final String quantity;
    private final double limit;
    private final String reason;

    public Limit(ResultLayout layout, String field, String quantity, double limit, String reason) {
        this.layout = layout;
        this.slot = layout.slot(field);
        this.field = layout.perOutput().get(slot);
        this.quantity = quantity;
        this.limit = limit;
        this.reason = reason;
    }

    @Override
    public void observe(double t, double[] y, double[][] fields, boolean output) {
        double[] f = fields[slot];
        for (int i = 0; i < f.length; i++) {
            // Also true for NaN: one comparison per point catches both failures.
            if (!(Math.abs(f[i]) <= limit)) {
                String where = " at " + layout.describe(field, i);
                throw new NumericalFailure(t, Double.isFinite(f[i]) ? quantity + " = " + f[i] + where + " " + reason
                        : "non-finite " + quantity + where);
            }
        }
    }
}
