package meanfield.app;

import java.util.function.DoubleConsumer;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.validation.ParticleSimulator;

/** A particle job whose simulator runs and resumes the same way for every model; R is its run record. */
abstract class SimulatorJob<R> implements ParticleJob {
    private final ParticleSimulator<R> simulator;
    private final int threads;
    /** The run record, once the job has run. */
    protected R run;

    SimulatorJob(ParticleSimulator<R> simulator, int threads) {
        this.simulator = simulator;
        this.threads = threads;
    }

    @Override
    public ResultLayout layout() {
        return simulator.layout();
    }

    @Override
    public void run(ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress) {
        run = simulator.simulate(threads, progress, sink, checkpoints);
    }

    @Override
    public void resume(Checkpoint from, ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress) {
        run = simulator.resume(from, threads, progress, sink, checkpoints);
    }
}
