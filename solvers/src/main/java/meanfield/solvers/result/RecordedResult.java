package meanfield.solvers.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sink that keeps the outputs in memory: for tests, plots and studies that compare runs. It keeps
 * every time-dependent variable, or only those named, so that a study of one quantity over many
 * levels holds no more than that quantity.
 */
public final class RecordedResult implements ResultSink {
    private final java.util.Set<String> kept;
    private final boolean lastOnly;
    private ResultLayout layout;
    private final List<Double> times = new ArrayList<>();
    private final List<double[][]> outputs = new ArrayList<>();
    private final Map<String, double[]> finalValues = new HashMap<>();

    /** Keeps every time-dependent variable. */
    public RecordedResult() {
        this(null, false);
    }

    /**
     * Keeps only the named time-dependent variables (the others are dropped as they arrive), of every
     * output or, with {@code lastOnly}, of the latest output only.
     */
    public RecordedResult(java.util.Set<String> variables, boolean lastOnly) {
        this.kept = variables == null ? null : java.util.Set.copyOf(variables);
        this.lastOnly = lastOnly;
    }

    @Override
    public void begin(ResultLayout resultLayout, int expected, int first) {
        this.layout = resultLayout;
        while (times.size() > first) {
            times.remove(times.size() - 1);
            outputs.remove(outputs.size() - 1);
        }
    }

    @Override
    public void output(int index, double t, double[][] slices) {
        if (index != times.size()) {
            throw new IllegalStateException("output " + index + " after " + times.size() + " outputs");
        }
        double[][] copy = new double[slices.length][];
        for (int i = 0; i < slices.length; i++) {
            if (kept == null || kept.contains(layout.perOutput().get(i).name())) {
                copy[i] = slices[i].clone();
            }
        }
        if (lastOnly && !outputs.isEmpty()) {
            outputs.set(outputs.size() - 1, null);
        }
        times.add(t);
        outputs.add(copy);
    }

    @Override
    public void finish(int outputsReached, Map<String, double[]> values) {
        finalValues.putAll(values);
    }

    public ResultLayout layout() {
        return layout;
    }

    public int outputCount() {
        return times.size();
    }

    public double time(int output) {
        return times.get(output);
    }

    public double[] times() {
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
        }
        return t;
    }

    /** The slice of a time-dependent variable at an output (not a copy: do not modify). */
    public double[] get(String variable, int output) {
        double[][] slices = outputs.get(output);
        double[] slice = slices == null ? null : slices[layout.slot(variable)];
        if (slice == null) {
            throw new IllegalArgumentException(variable + " at output " + output + " was not kept by this record");
        }
        return slice;
    }

    /** A variable known only at the end, if the run produced it. */
    public double[] finalValue(String variable) {
        return finalValues.get(variable);
    }
}
