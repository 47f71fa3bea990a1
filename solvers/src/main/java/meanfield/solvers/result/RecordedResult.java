package meanfield.solvers.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A sink that keeps every output in memory: for tests, plots and studies that compare runs. */
public final class RecordedResult implements ResultSink {
    private ResultLayout layout;
    private final List<Double> times = new ArrayList<>();
    private final List<double[][]> outputs = new ArrayList<>();
    private final Map<String, double[]> finalValues = new HashMap<>();

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
            copy[i] = slices[i].clone();
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
        return outputs.get(output)[layout.slot(variable)];
    }

    /** A variable known only at the end, if the run produced it. */
    public double[] finalValue(String variable) {
        return finalValues.get(variable);
    }
}
