package meanfield.solvers.diagnostics;

import java.util.Map;

import meanfield.solvers.run.RunObserver;

/**
 * A diagnostic that keeps one running extreme over the run (a maximum error, a minimum value),
 * reports it under its summary key and carries it through checkpoints.
 */
abstract class Extreme implements RunObserver {
    private final String key;
    /** The extreme so far; subclasses fold each step into it. */
    protected double value;

    Extreme(String key, double initial) {
        this.key = key;
        this.value = initial;
    }

    @Override
    public final void summarize(Map<String, Object> summary) {
        summary.put(key, value);
    }

    @Override
    public final double[] state() {
        return new double[] {value};
    }

    @Override
    public final void restore(double[] state) {
        value = state[0];
    }
}
