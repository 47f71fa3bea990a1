package meanfield.validation.topo;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.solvers.run.IncompatibleCheckpoint;
import meanfield.solvers.time.TimeControl;

/**
 * The run to the output times that the exact ({@link TopoSimulator}) and the time-stepped
 * ({@link TopoTimeStepped}) simulator share: one loop for both, so that their outputs, checkpoints
 * and resumes cannot drift apart. A simulator supplies its dynamics, its histograms and its packed
 * state.
 */
abstract class TopoRunner {
    public abstract double time();

    public abstract long events();

    public abstract long velocityChanges();

    /** Runs the dynamics up to time {@code until}. */
    public abstract void advance(double until);

    /** The layout of {@code particles.h5}: see {@link TopoSimulator#layout(double, double, int)}. */
    public abstract ResultLayout layout(double end, double outputEvery, int bins);

    /** Whether the simulator has moved from its state at time 0. */
    abstract boolean started();

    /** N. */
    abstract int size();

    /** The velocity nodes (nodes x d), a copy the caller may keep. */
    abstract double[][] velocityNodes();

    /** The histograms at time t, just reached, as {@link TopoParticleRun} holds them. */
    abstract void histogramAt(double t, int bins, double[] positionMass, double[] jointMass);

    /** The checkpoint at output time t, now, before output {@code nextOutput}. */
    abstract Checkpoint checkpoint(double t, int nextOutput);

    /**
     * Takes the state of a checkpoint {@link #checkpoint} wrote.
     *
     * @throws IncompatibleCheckpoint for a checkpoint of another simulator, model or N
     */
    abstract void restore(Checkpoint from);

    /**
     * Runs a fresh simulator from time 0 to {@code end}, handing the histograms at the output times
     * 0, outputEvery, ..., end to the sink as they are reached ({@link #layout}) and, with a checkpoint
     * policy (null: none), checkpoints to its destination: at the first output time at least
     * {@code every} after the previous one, and at the end. Progress receives the fraction of the
     * horizon done after each output. Returns the outputs in memory too.
     *
     * @param bins bins per axis of the position histograms
     */
    public TopoParticleRun simulate(double end, double outputEvery, int bins, DoubleConsumer progress,
            ResultSink sink, CheckpointPolicy checkpoints) {
        if (started()) {
            throw new IllegalStateException("simulate runs a fresh simulator from time 0, this one is at t = " + time());
        }
        return run(layout(end, outputEvery, bins), end, outputEvery, bins, 0, progress, sink, checkpoints);
    }

    /**
     * Continues a run from a checkpoint one of these runs handed out, to {@code end} (which may be
     * later than the interrupted run's, with the same outputEvery, so that the checkpoint's time is
     * one of this run's output times): the state is replaced by the checkpoint's, and the sink begins
     * at output {@code from.nextOutput()}. The outputs, checkpoints and event counts are then bit for
     * bit those of a run that was not interrupted. The simulator must be built as the interrupted
     * one was (the same velocity nodes, rank weight and N, and for the time-stepped one the same dt);
     * its seed and its own state do not matter, as all of its state is replaced.
     *
     * @return the outputs from {@code from.nextOutput()} on only ({@link TopoParticleRun#firstOutput}),
     *         with the event counts of the whole run
     * @throws IncompatibleCheckpoint for a checkpoint of another model, N or dt, or whose time is not an
     *         output time of this run
     */
    public TopoParticleRun resume(Checkpoint from, double end, double outputEvery, int bins, DoubleConsumer progress,
            ResultSink sink, CheckpointPolicy checkpoints) {
        ResultLayout layout = layout(end, outputEvery, bins);
        requireOutputTime(from, end, outputEvery);
        restore(from);
        return run(layout, end, outputEvery, bins, from.nextOutput(), progress, sink, checkpoints);
    }

    /**
     * Refuses a checkpoint whose time is not the output time before its next output in a run to
     * {@code end} every {@code outputEvery}: only there can a resumed run continue the outputs exactly.
     */
    private static void requireOutputTime(Checkpoint from, double end, double outputEvery) {
        double[] outputs = new TimeControl(end, outputEvery, Double.NaN, 1).outputTimes();
        int index = from.nextOutput() - 1;
        if (index < 0 || index >= outputs.length || outputs[index] != from.time()) {
            throw new IncompatibleCheckpoint("the checkpoint at t = " + from.time()
                    + " is not an output time of this run (end " + end + ", every " + outputEvery + ")");
        }
    }

    /** Outputs first..last of the run to end, from the state at the output before first (or at 0). */
    private TopoParticleRun run(ResultLayout layout, double end, double outputEvery, int bins, int first,
            DoubleConsumer progress, ResultSink sink, CheckpointPolicy checkpoints) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(progress, "progress");
        double[] outputs = new TimeControl(end, outputEvery, Double.NaN, 1).outputTimes();
        int count = outputs.length - first;
        double[][] velocities = velocityNodes();
        int cells = 1;
        for (int a = 0; a < velocities[0].length; a++) {
            cells = Math.multiplyExact(cells, bins);
        }
        double[][] positionHistogram = new double[count][cells];
        double[][] joint = new double[count][Math.multiplyExact(cells, velocities.length)];
        double lastCheckpoint = time();
        sink.begin(layout, outputs.length, first);
        for (int o = first; o < outputs.length; o++) {
            double t = outputs[o];
            advance(t);
            histogramAt(t, bins, positionHistogram[o - first], joint[o - first]);
            sink.output(o, t, new double[][] {positionHistogram[o - first], joint[o - first]});
            progress.accept(t / end);
            if (checkpoints != null && checkpoints.due(t, lastCheckpoint, o == outputs.length - 1)) {
                checkpoints.destination().accept(checkpoint(t, o + 1));
                lastCheckpoint = t;
            }
        }
        sink.finish(outputs.length, Map.of());
        return new TopoParticleRun(Arrays.copyOfRange(outputs, first, outputs.length),
                layout.axis("x_edges").values().clone(), positionHistogram, joint, velocities, size(), events(),
                velocityChanges(), first);
    }
}
