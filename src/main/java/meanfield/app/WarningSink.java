package meanfield.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;

/**
 * Prints a run's warnings when the run begins writing its outputs: after its initial state was built
 * and checked, so that a run refused at t = 0 reports its error alone, on one line.
 */
final class WarningSink implements ResultSink {
    private final List<String> warnings;
    private final PrintWriter err;
    private boolean printed;

    WarningSink(List<String> warnings, PrintWriter err) {
        this.warnings = warnings;
        this.err = err;
    }

    @Override
    public void begin(ResultLayout layout, int outputs, int first) {
        // Once per command: several seeds of a simulate each begin.
        if (!printed) {
            RunWarnings.print(warnings, err);
            printed = true;
        }
    }

    @Override
    public void output(int index, double t, double[][] slices) {
    }

    @Override
    public void finish(int outputsReached, Map<String, double[]> finalValues) {
    }
}
