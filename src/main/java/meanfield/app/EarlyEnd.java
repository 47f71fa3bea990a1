package meanfield.app;

import java.util.Map;

import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultSink;

/**
 * A solve or simulate that ended before its horizon because a signal asked it to stop (status 130)
 * or because the heap ran out after all (status 3): the outputs reached are closed into their files
 * first, and the run reports one line.
 *
 * @param reason what ended the run, for the one line and summary.json's {@code stopped}
 */
record EarlyEnd(int status, String reason) {

    /** Closes the outputs reached (when the run had begun writing) and names what ended the run. */
    static EarlyEnd close(RuntimeException stopped, ResultSink sinks, RecordedResult memory) {
        finish(sinks, memory);
        return new EarlyEnd(Main.INTERRUPTED, stopped.getMessage());
    }

    /** The same after an OutOfMemoryError, whose memory is free again once the run's arrays are dropped. */
    static EarlyEnd close(OutOfMemoryError e, ResultSink sinks, RecordedResult memory) {
        finish(sinks, memory);
        return new EarlyEnd(Main.NUMERICAL_FAILURE, outOfMemory(e));
    }

    /** The one line for an OutOfMemoryError, wherever it is caught. */
    static String outOfMemory(OutOfMemoryError e) {
        return "out of memory (" + e.getMessage() + ") although the estimate fitted: raise the heap with"
                + " MEANFIELD_JAVA_OPTS=-Xmx<size> (the launcher's default is -XX:MaxRAMPercentage=70)";
    }

    private static void finish(ResultSink sinks, RecordedResult memory) {
        if (memory.layout() != null) {
            sinks.finish(memory.outputCount(), Map.of());
        }
    }

    /** The line printed on stderr: what ended the run and where its outputs are. */
    String line(int outputs, java.nio.file.Path dir) {
        return reason + "; " + outputs + " output" + (outputs == 1 ? "" : "s") + " reached, kept in " + dir;
    }
}
