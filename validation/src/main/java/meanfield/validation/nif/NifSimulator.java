package meanfield.validation.nif;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import meanfield.solvers.model.InvalidModelException;
import meanfield.grids.UniformGrid;
import meanfield.solvers.NumericalFailure;
import meanfield.solvers.model.AffineDrift;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.result.Variable;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.solvers.run.IncompatibleCheckpoint;
import meanfield.solvers.run.PackedState;
import meanfield.validation.ParticleSimulator;
import meanfield.validation.network.WeightMatrix;
import meanfield.validation.random.NormalZiggurat;
import meanfield.validation.random.SplitMix64;

/**
 * The NIF network of MODEL.md 1.1 in steps of dt, each step in this order:
 * <ol>
 * <li>drift and noise, Euler–Maruyama: V += mu(t, V, xi) dt + sqrt(2 sigma dt) Z;</li>
 * <li>spike decisions: with probability 1 - exp(-nu(V) dt), and at once if V >= v_F under a hard threshold,
 * or if the path reached v_F inside the step (drawn from the Brownian bridge between the two ends);</li>
 * <li>jumps along the spiking neurons' outgoing edges: V_i += w_ij for each spiking j;</li>
 * <li>resets V_j = v_R of the spiking neurons, which overwrite any input they got in this step (as in Brian2).</li>
 * </ol>
 * Initial potentials are drawn from f0(., xi_i) as {@link InitialPotentials} says.
 *
 * <p>The escape-noise decisions keep that law exactly but avoid evaluating nu(V) and drawing a
 * uniform for every neuron and step. When the rate has a known bound nu_max (a sigmoid, a constant),
 * by <i>thinning</i>: each neuron counts down the steps to its next candidate step, the candidates
 * being independent Bernoulli(p_max) steps with p_max = 1 - exp(-nu_max dt) (gaps drawn as
 * geometric variables), and at a candidate step it spikes with probability
 * (1 - exp(-nu(V) dt)) / p_max; the product is 1 - exp(-nu(V) dt) in every step, independently of
 * the past. With dt nu_max = 5e-3 (P1) nu is evaluated in one neuron-step out of 200. Without a
 * bound (a formula, exponential escape noise), by <i>time rescaling</i>: each neuron holds a residual
 * R_i, a standard exponential drawn at the start and after each of its spikes, and every step
 * subtracts nu(V_i) dt from it; the neuron spikes when R_i falls below 0, which by memorylessness
 * happens in a step with probability exactly 1 - exp(-nu(V) dt) given the past.
 *
 * <p>Neurons are processed in fixed blocks of {@link #BLOCK}, each with its own random stream
 * split in block order from the seed, and each postsynaptic potential receives its jumps in the
 * order of the spiking neurons' indices: the same seed gives the same run for any thread count.
 *
 * <p><b>Outputs and checkpoints.</b> The run is cut into output windows of whole numbers of steps
 * (edges at step counts, so a run continued to a later end has the edges of a run made there at
 * once); as each window closes its binned rates go to a {@link ResultSink} (the {@link #layout()}),
 * and at the end the per-neuron results ({@code v_final}, {@code spike_count}, and the recorded
 * spikes). At a window end a {@link CheckpointPolicy} may receive a {@link Checkpoint} holding
 * everything the run depends on: potentials, the countdowns or residuals of the spike decisions,
 * spike counts and per-bin totals, the state of every block's {@link SplitMix64} stream and the
 * spikes recorded so far. {@link #resume} continues from it bit for bit as the uninterrupted run
 * would have, on any number of threads.
 */
public final class NifSimulator implements ParticleSimulator<NifParticleRun> {
    /** Neurons per random stream and per unit of parallel work. */
    public static final int BLOCK = 1024;
    /** Mixed into the seed so that a simulation and a network given the same seed use unrelated streams. */
    private static final long DYNAMICS_STREAMS = 0x510E527FADE682D1L;
    /** The first value of a checkpoint's state ("NIF1"): a state from another solver or format is refused. */
    private static final int STATE_FORMAT = 0x4E494631;
    /** How spikes are decided, as a checkpoint records it: it fixes which per-neuron state there is. */
    private static final int HARD_THRESHOLD_ONLY = 0;
    private static final int THINNING = 1;
    private static final int TIME_RESCALING = 2;

    private final NifModel model;
    private final WeightMatrix network;
    private final UniformGrid initialRange;
    private final Settings settings;
    /** How spikes are decided (see the class comment): escape noise by thinning or time rescaling, bridged threshold. */
    private final boolean escapeNoise;
    private final boolean thinning;
    private final boolean bridging;
    /** Steps of the run, steps per output window, and windows (the last may be shorter). */
    private final int steps;
    private final int windowSteps;
    private final int windows;
    /** Where potentials are copied at window edges; none unless asked for. */
    private PotentialSnapshots snapshots = new PotentialSnapshots(new int[0]);

    /**
     * @param end    the horizon T, rounded to a whole number of steps
     * @param dt     the time step
     * @param window the length of the output windows, rounded to a whole number of steps (the last window may be shorter)
     * @param bins   the number of label bins of equal width on [0, 1], at most N
     * @param seed   the seed of the dynamics (initial potentials, noise, spikes)
     * @param recordSpikesUpTo the largest N for which every spike is recorded (for raster plots); none above
     */
    public record Settings(double end, double dt, double window, int bins, long seed, int recordSpikesUpTo) {
        /** Spikes are recorded for networks of at most this many neurons unless the settings say otherwise. */
        public static final int RECORD_SPIKES_UP_TO = 5000;

        /** Records spikes up to {@link #RECORD_SPIKES_UP_TO} neurons. */
        public Settings(double end, double dt, double window, int bins, long seed) {
            this(end, dt, window, bins, seed, RECORD_SPIKES_UP_TO);
        }

        public Settings {
            if (!(dt > 0) || !(end >= dt) || !(window >= dt) || Double.isInfinite(end)) {
                throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a particle run needs 0 < dt <= end and window >= dt, got end = "
                        + end + ", dt = " + dt + ", window = " + window);
            }
            if (bins < 1) {
                throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a particle run needs at least one label bin, got " + bins);
            }
        }
    }

    /**
     * @param initialRange the potentials where f0 is sampled (the v grid of the problem: only its ends are used)
     */
    public NifSimulator(NifModel model, WeightMatrix network, UniformGrid initialRange, Settings settings) {
        if (settings.bins() > network.n()) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, settings.bins() + " label bins for " + network.n()
                    + " neurons would leave bins empty");
        }
        this.model = model;
        this.network = network;
        this.initialRange = initialRange;
        this.settings = settings;
        double bound = model.rate().supremum();
        escapeNoise = bound > 0;
        thinning = escapeNoise && bound < Double.POSITIVE_INFINITY;
        bridging = model.threshold().isPresent() && model.sigma() > 0;
        steps = (int) Math.round(settings.end() / settings.dt());
        windowSteps = (int) Math.round(settings.window() / settings.dt());
        windows = (steps + windowSteps - 1) / windowSteps;
    }

    /**
     * Copies the potentials at the given window edges of the runs that follow (a validation compares
     * them with the continuum's density in v); not part of a checkpoint, so for runs from t = 0.
     */
    public NifSimulator snapshotAt(PotentialSnapshots at) {
        this.snapshots = at;
        return this;
    }

    /** The edges of the output windows in time (windows + 1 values, edge w at a whole number of steps). */
    public double[] windowEdges() {
        return windowEdges(settings.end(), settings.dt(), settings.window());
    }

    /** The window edges of any run with this horizon, step and window (they do not depend on N). */
    public static double[] windowEdges(double end, double dt, double window) {
        int steps = (int) Math.round(end / dt);
        int windowSteps = (int) Math.round(window / dt);
        int windows = (steps + windowSteps - 1) / windowSteps;
        double[] edges = new double[windows + 1];
        Arrays.setAll(edges, w -> Math.min(steps, (long) w * windowSteps) * dt);
        return edges;
    }

    /** The step at which output window w starts (w = windows: the end), in whole steps. */
    private int edge(int w) {
        return (int) Math.min(steps, (long) w * windowSteps);
    }

    private double[] labelEdges() {
        double[] labelEdges = new double[settings.bins() + 1];
        Arrays.setAll(labelEdges, b -> (double) b / settings.bins());
        return labelEdges;
    }

    /**
     * What a run hands to a {@link ResultSink}, under the names of {@code particles.h5} (PROBLEMS.md):
     * one output per window at its end time t, with {@code rate} [t, label_bin]; {@code label}
     * [neuron] known at the start; {@code v_final} and {@code spike_count} (an integer) [neuron] at the
     * end, and {@code spike_times} and {@code spike_neurons} (an integer, from 0) [spike] when spikes are
     * recorded: the spike axis has no values and its length is known only at the end.
     */
    @Override
    public ResultLayout layout() {
        int n = network.n();
        int bins = settings.bins();
        double[] windowEdges = new double[windows + 1];
        Arrays.setAll(windowEdges, w -> edge(w) * settings.dt());
        double[] binCentres = new double[bins];
        Arrays.setAll(binCentres, b -> (b + 0.5) / bins);
        double[] labels = new double[n];
        Arrays.setAll(labels, i -> WeightMatrix.label(i, n));
        return new ResultLayout(
                List.of(Axis.time(),
                        new Axis("window_edges", "1", "edges of the output windows (time)", windowEdges),
                        new Axis("label_edges", "1", "edges of the label bins", labelEdges()),
                        new Axis("label_bin", "1", "label bin centre", binCentres),
                        Axis.index("neuron", "neuron index (from 0)", n),
                        Axis.lengthAtEnd("spike", "spike (in time order)")),
                List.of(Variable.constant("label", "1", "neuron label xi_i", labels, "neuron"),
                        Variable.perOutput("rate", "1/time",
                                "firing rate per label bin over the window ending at t", "label_bin"),
                        Variable.constant("v_final", "1", "membrane potential V_i at the end of the run", null,
                                "neuron"),
                        Variable.constant("spike_count", "1", "spikes of neuron i over the run", null, "neuron")
                                .asInteger(),
                        Variable.constant("spike_times", "1", "time of each spike (the end of its step)", null, "spike"),
                        Variable.constant("spike_neurons", "1", "neuron of each spike (from 0)", null, "spike")
                                .asInteger()));
    }

    /** How the drift is evaluated: from per-neuron coefficients of an affine drift, or in full per neuron and step. */
    public String driftEvaluation() {
        return model.drift() instanceof AffineDrift && !model.drift().dependsOnTime()
                ? "affine in v: slope and intercept per neuron, computed once" : "per neuron and step";
    }

    /** How the simulator decides spikes (see the class comment), for a run's record. */
    public String spikeDecisions() {
        String escape = thinning ? "thinning against nu_max = " + model.rate().supremum()
                : escapeNoise ? "time rescaling" : "";
        if (model.threshold().isEmpty()) {
            return escape;
        }
        String threshold = "hard threshold" + (bridging ? " with Brownian-bridge crossings" : "");
        return escape.isEmpty() ? threshold : escape + "; " + threshold;
    }

    /** A run from t = 0 with its results in memory only. */
    public NifParticleRun simulate(int threads, DoubleConsumer progress) {
        return simulate(threads, progress, ResultSink.DISCARD, null);
    }

    /**
     * A run from t = 0 whose outputs also go to {@code sink} as they are reached.
     *
     * @param checkpoints where checkpoints go, and how often; null for none
     */
    @Override
    public NifParticleRun simulate(int threads, DoubleConsumer progress, ResultSink sink,
            CheckpointPolicy checkpoints) {
        InitialPotentials initial = new InitialPotentials(model.initial(), initialRange);
        Run run = new Run();
        try (ColumnPool pool = new ColumnPool(threads)) {
            pool.forEachChunk(run.blocks, (worker, from, to) -> run.sampleInitial(initial, from, to));
            snapshots.offer(0, run.potential);
            return advance(run, 0, pool, progress, sink, checkpoints);
        }
    }

    /**
     * Continues a run from a checkpoint it wrote, on any number of threads, exactly as it would have
     * gone on uninterrupted. This simulator must have the model, network and settings of the
     * interrupted run, except that its end may be later (the run then goes on to the new end, with
     * the windows a run made there at once would have); the checkpoint must lie at the end of one of
     * its windows. The sink begins at window {@code from.nextOutput()}. The result holds the rates
     * of the windows from the checkpoint on (see {@link NifParticleRun#firstWindow()}), and the
     * spike counts, final potentials and recorded spikes of the whole run.
     *
     * @throws IllegalArgumentException for a checkpoint that is not of a run of this simulator
     */
    @Override
    public NifParticleRun resume(Checkpoint from, int threads, DoubleConsumer progress, ResultSink sink,
            CheckpointPolicy checkpoints) {
        int first = from.nextOutput();
        if (from.step() != settings.dt()) {
            throw new IncompatibleCheckpoint("the checkpoint is of a run with dt = " + from.step()
                    + ", this one has dt = " + settings.dt());
        }
        if (first < 1 || first > windows || from.accepted() != edge(first)
                || from.time() != edge(first) * settings.dt()) {
            throw new IncompatibleCheckpoint("the checkpoint at t = " + from.time() + " (after " + from.accepted()
                    + " steps, before window " + first + ") is not the end of a window of this run (" + windows
                    + " windows of " + windowSteps + " steps, " + steps + " steps)");
        }
        Run run = new Run();
        try {
            run.unpack(from.state());
        } catch (IncompatibleCheckpoint e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A packed state that does not read back (PackedState, SplitMix64): not this run's checkpoint.
            throw new IncompatibleCheckpoint("the checkpoint's state is damaged: " + e.getMessage());
        }
        try (ColumnPool pool = new ColumnPool(threads)) {
            return advance(run, first, pool, progress, sink, checkpoints);
        }
    }

    /** Runs windows firstWindow.. to the end (or a failure) from the state at the start of firstWindow. */
    private NifParticleRun advance(Run run, int firstWindow, ColumnPool pool, DoubleConsumer progress,
            ResultSink sink, CheckpointPolicy checkpoints) {
        double dt = settings.dt();
        sink.begin(layout(), windows, firstWindow);
        double[][] rate = new double[windows - firstWindow][];
        double[][] slices = new double[1][];
        // Bound once: a lambda capturing the step's time would be a new object every step.
        ColumnPool.Chunk advanceBlocks = run::advance;
        ColumnPool.Chunk deliverAndReset = run::deliverAndReset;
        int step = edge(firstWindow);
        double lastCheckpoint = step * dt;
        int closed = firstWindow;
        String failure = null;
        try {
            while (closed < windows && failure == null) {
                int last = edge(closed + 1);
                for (; step < last; step++) {
                    run.time = step * dt;
                    pool.forEachChunk(run.blocks, advanceBlocks);
                    run.gatherSpikes((step + 1) * dt);
                    pool.forEachChunk(run.blocks, deliverAndReset);
                    progress.accept((double) (step + 1) / steps);
                }
                double end = last * dt;
                double[] rates = run.closeWindow((last - edge(closed)) * dt);
                rate[closed - firstWindow] = rates;
                slices[0] = rates;
                sink.output(closed, end, slices);
                closed++;
                snapshots.offer(closed, run.potential);
                failure = run.nonFinitePotential(end);
                if (failure == null && checkpoints != null
                        && checkpoints.due(end, lastCheckpoint, closed == windows)) {
                    checkpoints.destination().accept(new Checkpoint(end, closed, dt, last, 0, run.pack(),
                            new double[0][]));
                    lastCheckpoint = end;
                }
            }
        } catch (NumericalFailure e) {
            // From a model formula inside a step: the windows closed so far stand.
            failure = e.getMessage();
        }
        double[] spikeTimes = Arrays.copyOf(run.recordedTimes, run.recorded.size());
        int[] spikeNeurons = run.recorded.toArray();
        Map<String, double[]> finals = new LinkedHashMap<>();
        finals.put("v_final", run.potential.clone());
        finals.put("spike_count", Arrays.stream(run.spikeCount).asDoubleStream().toArray());
        if (run.recording) {
            finals.put("spike_times", spikeTimes.clone());
            finals.put("spike_neurons", Arrays.stream(spikeNeurons).asDoubleStream().toArray());
        }
        sink.finish(closed, finals);
        double[] windowEdges = new double[closed - firstWindow + 1];
        Arrays.setAll(windowEdges, k -> edge(firstWindow + k) * dt);
        return new NifParticleRun(windowEdges, labelEdges(), Arrays.copyOf(rate, closed - firstWindow), run.labels,
                run.potential, run.spikeCount, step, Optional.ofNullable(failure), spikeTimes, spikeNeurons,
                firstWindow);
    }

    /** The state of one run in flat arrays indexed by neuron. */
    private final class Run {
        final int n = network.n();
        final int blocks = (n + BLOCK - 1) / BLOCK;
        final double[] labels = new double[n];
        final double[] potential = new double[n];
        /** R_i: what is left of neuron i's exponential threshold (time rescaling, see the class comment). */
        final double[] residual;
        /** Steps until neuron i's next candidate step (thinning, see the class comment). */
        final int[] untilCandidate;
        final int[] spikeCount = new int[n];
        final SplitMix64[] streams = new SplitMix64[blocks];
        /** The spiking neurons of a step: block b writes its own at [b * BLOCK, ...), then they are packed in order. */
        final int[] spiking = new int[n];
        final int[] blockSpikes = new int[blocks];
        /** Where each block's spikes start in the packed list; blockOffset[blocks] = spikes in the step. */
        final int[] blockOffset = new int[blocks + 1];
        final int[] bin = new int[n];
        final int[] neuronsInBin = new int[settings.bins()];
        final long[] binSpikesBefore = new long[settings.bins()];
        final Drift drift = model.drift();
        /** slope(xi_i) and intercept(xi_i) of an affine drift without t, per neuron; null otherwise. */
        final double[] slopes;
        final double[] intercepts;
        final FiringRate rate = model.rate();
        /** nu_max dt and p_max = 1 - exp(-nu_max dt) of the thinning. */
        final double candidateExponent = rate.supremum() * settings.dt();
        final double candidateProbability = -Math.expm1(-candidateExponent);
        final boolean hardThreshold = model.threshold().isPresent();
        final double threshold = model.threshold().orElse(Double.NaN);
        final double noise = Math.sqrt(2 * model.sigma() * settings.dt());
        /** sigma dt: the Brownian bridge's crossing probability is exp(-(v_F - v)(v_F - v') / (sigma dt)). */
        final double bridgeScale = model.sigma() * settings.dt();
        final double reset = model.reset();
        final boolean recording = n <= settings.recordSpikesUpTo();
        /** The spiking neurons of every step in order, and the times of their spikes: empty unless recording. */
        final IntList recorded = new IntList();
        double[] recordedTimes = new double[0];
        /** The time at the start of the step being taken (set before the blocks advance, read by them). */
        double time;

        Run() {
            residual = escapeNoise && !thinning ? new double[n] : null;
            untilCandidate = thinning ? new int[n] : null;
            SplitMix64 master = new SplitMix64(settings.seed() ^ DYNAMICS_STREAMS);
            for (int b = 0; b < blocks; b++) {
                streams[b] = master.split();
            }
            for (int i = 0; i < n; i++) {
                labels[i] = WeightMatrix.label(i, n);
                bin[i] = (int) (labels[i] * settings.bins());
                neuronsInBin[bin[i]]++;
            }
            boolean tabulated = drift instanceof AffineDrift && !drift.dependsOnTime();
            slopes = tabulated ? new double[n] : null;
            intercepts = tabulated ? new double[n] : null;
            if (tabulated) {
                AffineDrift affine = (AffineDrift) drift;
                for (int i = 0; i < n; i++) {
                    slopes[i] = affine.slope(0.0, labels[i]);
                    intercepts[i] = affine.intercept(0.0, labels[i]);
                }
            }
        }

        void sampleInitial(InitialPotentials initial, int fromBlock, int toBlock) {
            for (int b = fromBlock; b < toBlock; b++) {
                int first = b * BLOCK;
                int end = Math.min(n, first + BLOCK);
                // The potentials first: they are the same draws whatever the rate (benchmarks read them back).
                for (int i = first; i < end; i++) {
                    potential[i] = initial.sample(labels[i], streams[b]);
                }
                for (int i = first; i < end; i++) {
                    if (thinning) {
                        untilCandidate[i] = candidateGap(streams[b]);
                    } else if (escapeNoise) {
                        residual[i] = streams[b].nextExponential();
                    }
                }
            }
        }

        /** Drift, noise and spike decisions of the neurons in blocks [fromBlock, toBlock) at {@link #time}. */
        void advance(int worker, int fromBlock, int toBlock) {
            double t = time;
            double dt = settings.dt();
            for (int b = fromBlock; b < toBlock; b++) {
                SplitMix64 random = streams[b];
                int first = b * BLOCK;
                int end = Math.min(n, first + BLOCK);
                for (int i = first; i < end; i++) {
                    double v = potential[i];
                    double mu = slopes != null ? slopes[i] * v + intercepts[i] : drift.value(t, v, labels[i]);
                    double next = v + mu * dt + noise * NormalZiggurat.next(random);
                    if (bridging && next < threshold && crossedWithin(v, next, random)) {
                        // It reached v_F inside the step: the spike pass sees it there.
                        next = threshold;
                    }
                    potential[i] = next;
                }
                // A separate pass: the common case of each loop is short, without calls or draws.
                blockSpikes[b] = decide(random, first, end, dt);
            }
        }

        /**
         * Whether the path from v to v' < v_F reached v_F inside the step (always, if a jump had put v at
         * or above v_F). Given its ends, the
         * noise path of the step is a Brownian bridge of variance 2 sigma dt, which reaches v_F with
         * probability exp(-(v_F - v)(v_F - v') / (sigma dt)) (the reflection principle). Without this
         * a hard threshold checked at the end of each step misses the excursions between steps,
         * an O(sqrt(dt)) error in the firing rate (Gobet's discretely monitored diffusions); with it
         * the error is O(dt). A uniform is drawn only when the probability exceeds e^-40.
         */
        boolean crossedWithin(double v, double next, SplitMix64 random) {
            double exponent = (threshold - v) * (threshold - next) / bridgeScale;
            return exponent < 40 && random.nextDouble() < Math.exp(-exponent);
        }

        /**
         * The spike decisions of neurons first..end-1, their spikes from spiking[first]; how many. By
         * thinning against nu_max or by time rescaling (see the class comment), or at a hard threshold
         * only. One method for the three, not one each: kept apart from the drift pass in
         * {@link #advance}, it is compiled on its own (HotSpot does not inline a hot method of over 325
         * bytes of bytecode); inlined into that pass it made the neuron step about 25 % slower
         * (NifNetworkRun, 2026-12-01).
         */
        int decide(SplitMix64 random, int first, int end, double dt) {
            int count = 0;
            if (thinning) {
                for (int i = first; i < end; i++) {
                    double v = potential[i];
                    boolean fires = hardThreshold && v >= threshold;
                    if (--untilCandidate[i] == 0) {
                        // Steps to the next candidate: geometric with success probability p_max, at least 1;
                        // beyond any run's length a countdown never reaches 0.
                        double gap = 1 + Math.floor(random.nextExponential() / candidateExponent);
                        untilCandidate[i] = gap < Integer.MAX_VALUE ? (int) gap : Integer.MAX_VALUE;
                        fires |= random.nextDouble() * candidateProbability < -Math.expm1(-rate.value(v) * dt);
                    }
                    if (fires) {
                        spiking[first + count++] = i;
                    }
                }
            } else if (escapeNoise) {
                for (int i = first; i < end; i++) {
                    double v = potential[i];
                    double r = residual[i] - rate.value(v) * dt;
                    if (r < 0 || (hardThreshold && v >= threshold)) {
                        // A fresh threshold after any spike: by memorylessness, also after a hard-threshold one.
                        r = random.nextExponential();
                        spiking[first + count++] = i;
                    }
                    residual[i] = r;
                }
            } else {
                for (int i = first; i < end; i++) {
                    if (hardThreshold && potential[i] >= threshold) {
                        spiking[first + count++] = i;
                    }
                }
            }
            return count;
        }

        /** Steps to the next candidate: geometric with success probability p_max, at least 1. */
        int candidateGap(SplitMix64 random) {
            double gap = 1 + Math.floor(random.nextExponential() / candidateExponent);
            // Beyond any run's length: a countdown from there never reaches 0.
            return gap < Integer.MAX_VALUE ? (int) gap : Integer.MAX_VALUE;
        }

        /**
         * Packs the blocks' spikes into one list in increasing neuron order and records them at time t,
         * the end of the step (serial, O(spikes)).
         */
        void gatherSpikes(double t) {
            int total = 0;
            for (int b = 0; b < blocks; b++) {
                blockOffset[b] = total;
                // Moves left or stays: block b's spikes start at b * BLOCK >= total.
                System.arraycopy(spiking, b * BLOCK, spiking, total, blockSpikes[b]);
                total += blockSpikes[b];
            }
            blockOffset[blocks] = total;
            if (recording && total > 0) {
                int from = recorded.size();
                recorded.addAll(spiking, total);
                if (recordedTimes.length < recorded.size()) {
                    recordedTimes = Arrays.copyOf(recordedTimes, Math.max(recorded.size(), 2 * recordedTimes.length));
                }
                Arrays.fill(recordedTimes, from, recorded.size(), t);
            }
        }

        /** Jumps into the neurons of blocks [fromBlock, toBlock), then the resets of those that spiked. */
        void deliverAndReset(int worker, int fromBlock, int toBlock) {
            network.deliverSpikes(spiking, blockOffset[blocks], potential, fromBlock * BLOCK,
                    Math.min(n, toBlock * BLOCK));
            for (int s = blockOffset[fromBlock]; s < blockOffset[toBlock]; s++) {
                int j = spiking[s];
                potential[j] = reset;
                spikeCount[j]++;
            }
        }

        /** The binned rates of the window just ended (serial, O(N) once per window). */
        double[] closeWindow(double length) {
            long[] spikes = new long[neuronsInBin.length];
            for (int i = 0; i < n; i++) {
                spikes[bin[i]] += spikeCount[i];
            }
            double[] rates = new double[neuronsInBin.length];
            for (int b = 0; b < rates.length; b++) {
                rates[b] = (spikes[b] - binSpikesBefore[b]) / (neuronsInBin[b] * length);
                binSpikesBefore[b] = spikes[b];
            }
            return rates;
        }

        private int decisions() {
            return thinning ? THINNING : escapeNoise ? TIME_RESCALING : HARD_THRESHOLD_ONLY;
        }

        /**
         * Everything the run's future depends on, at a window end (between steps: the spike lists of
         * a step are scratch). The model, network and settings are the simulator's, not the state's.
         */
        double[] pack() {
            int perNeuron = thinning || escapeNoise ? 3 : 2;
            PackedState.Writer out = new PackedState.Writer(6 + perNeuron * n + 2 * binSpikesBefore.length
                    + 4 * blocks + 2 * recorded.size());
            out.putInt(STATE_FORMAT);
            out.putInt(n);
            out.putInt(binSpikesBefore.length);
            out.putInt(decisions());
            out.putInt(recording ? 1 : 0);
            out.putDoubles(potential, n);
            if (thinning) {
                out.putInts(untilCandidate, n);
            } else if (escapeNoise) {
                out.putDoubles(residual, n);
            }
            out.putInts(spikeCount, n);
            out.putLongs(binSpikesBefore);
            for (SplitMix64 stream : streams) {
                out.putLongs(stream.state());
            }
            out.putInt(recorded.size());
            out.putInts(recorded.values, recorded.size());
            out.putDoubles(recordedTimes, recorded.size());
            return out.toArray();
        }

        /** Restores what {@link #pack} saved. */
        void unpack(double[] state) {
            PackedState.Reader in = new PackedState.Reader(state);
            if (state.length == 0 || in.getDouble() != STATE_FORMAT) {
                throw new IncompatibleCheckpoint("the checkpoint is not of a NIF particle run");
            }
            expect(in.getInt(), n, "neurons");
            expect(in.getInt(), binSpikesBefore.length, "label bins");
            expect(in.getInt(), decisions(), "way of deciding spikes (0 hard threshold, 1 thinning, 2 time rescaling)");
            expect(in.getInt(), recording ? 1 : 0, "recording of spikes (1 recorded)");
            in.getDoubles(potential, n);
            if (thinning) {
                in.getInts(untilCandidate, n);
            } else if (escapeNoise) {
                in.getDoubles(residual, n);
            }
            in.getInts(spikeCount, n);
            in.getLongs(binSpikesBefore);
            long[] streamState = new long[2];
            for (int b = 0; b < blocks; b++) {
                in.getLongs(streamState);
                streams[b] = SplitMix64.restore(streamState);
            }
            int spikes = in.getInt();
            if (spikes < 0) {
                throw new IncompatibleCheckpoint("the checkpoint records " + spikes + " spikes");
            }
            int[] neurons = new int[spikes];
            in.getInts(neurons, spikes);
            recorded.addAll(neurons, spikes);
            recordedTimes = new double[spikes];
            in.getDoubles(recordedTimes, spikes);
            in.expectEnd();
        }

        private static void expect(int found, int expected, String what) {
            if (found != expected) {
                throw new IncompatibleCheckpoint("the checkpoint's " + what + ": " + found + ", this simulator's: "
                        + expected);
            }
        }

        /** The first non-finite potential as a failure message, or null. */
        String nonFinitePotential(double t) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(potential[i])) {
                    return new NumericalFailure(t, "potential V = " + potential[i] + " of neuron " + i + " (label xi = "
                            + labels[i] + ")").getMessage();
                }
            }
            return null;
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        /** The first {@link #size} are the list's. */
        int[] values = new int[0];
        private int size;

        int size() {
            return size;
        }

        void addAll(int[] from, int count) {
            if (size + count > values.length) {
                values = Arrays.copyOf(values, Math.max(size + count, 2 * values.length));
            }
            System.arraycopy(from, 0, values, size, count);
            size += count;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
