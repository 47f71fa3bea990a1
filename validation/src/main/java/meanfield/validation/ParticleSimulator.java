package meanfield.validation;

import java.util.function.DoubleConsumer;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;

/**
 * A particle simulator that streams its outputs to a sink and continues from its checkpoints: what a
 * run pipeline needs of it, whatever the model. {@code R} is the run record it returns.
 */
public interface ParticleSimulator<R> {
    /** The axes and variables the runs produce. */
    ResultLayout layout();

    /** A run from t = 0; checkpoints may be null. */
    R simulate(int threads, DoubleConsumer progress, ResultSink sink, CheckpointPolicy checkpoints);

    /** A run continued from one of its checkpoints, bit for bit as if never interrupted. */
    R resume(Checkpoint from, int threads, DoubleConsumer progress, ResultSink sink, CheckpointPolicy checkpoints);
}
