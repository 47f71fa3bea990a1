package meanfield.solvers.result;

import java.util.Map;

/**
 * Where a run's outputs go as it reaches them: a file writer, or a record in memory. A sink sees
 * {@link #begin} once, then every output time in order, then {@link #finish}; a run resumed from a
 * checkpoint begins again at the output after the checkpoint, overwriting any later outputs that an
 * interrupted run had written.
 */
public interface ResultSink {
    /** A sink that keeps nothing: for runs whose results are wanted in memory only. */
    ResultSink DISCARD = new ResultSink() {
        @Override
        public void begin(ResultLayout layout, int outputs, int first) {
        }

        @Override
        public void output(int index, double t, double[][] slices) {
        }

        @Override
        public void finish(int outputsReached, Map<String, double[]> finalValues) {
        }
    };

    /**
     * @param layout   the axes and variables
     * @param outputs  how many output times the run will reach if it completes
     * @param first    the index of the first output this sink will be given (0, or past a checkpoint)
     */
    void begin(ResultLayout layout, int outputs, int first);

    /**
     * Output number {@code index} at time t: one slice per time-dependent variable of the layout, in
     * its order. The slices are only valid during the call.
     */
    void output(int index, double t, double[][] slices);

    /**
     * The run ended after {@code outputsReached} outputs (fewer than announced if it failed or
     * stopped); {@code finalValues} holds the variables that are known only at the end, by name.
     */
    void finish(int outputsReached, Map<String, double[]> finalValues);
}
