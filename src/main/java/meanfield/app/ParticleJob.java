package meanfield.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import meanfield.app.output.ColourRanges;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;

/**
 * One particle run of {@code simulate} (one seed) as the pipeline drives it: the simulator of its
 * model, built with its network or initial data, run or resumed into a sink, then its summary and plots.
 */
interface ParticleJob {
    ResultLayout layout();

    /** Runs from t = 0; checkpoints may be null. */
    void run(ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress);

    /** Continues from a checkpoint of the same run. */
    void resume(Checkpoint from, ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress);

    /** This run's entries of summary.json (after the run). */
    Map<String, Object> summary();

    Optional<String> failure();

    /** The plots, from every output of the run (those before a checkpoint included), on {@code colours}' scales. */
    List<Path> plots(Path dir, String stem, RecordedResult outputs, ColourRanges colours);
}
