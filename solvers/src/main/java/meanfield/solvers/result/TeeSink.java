package meanfield.solvers.result;

import java.util.List;
import java.util.Map;

/** Hands every call to several sinks in order: a file and a record in memory, say. */
public final class TeeSink implements ResultSink {
    private final List<ResultSink> sinks;

    public TeeSink(ResultSink... sinks) {
        this.sinks = List.of(sinks);
    }

    @Override
    public void begin(ResultLayout layout, int outputs, int first) {
        for (ResultSink s : sinks) {
            s.begin(layout, outputs, first);
        }
    }

    @Override
    public void output(int index, double t, double[][] slices) {
        for (ResultSink s : sinks) {
            s.output(index, t, slices);
        }
    }

    @Override
    public void finish(int outputsReached, Map<String, double[]> finalValues) {
        for (ResultSink s : sinks) {
            s.finish(outputsReached, finalValues);
        }
    }
}
