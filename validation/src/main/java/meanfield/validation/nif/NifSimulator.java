package meanfield.validation.nif;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import meanfield.grids.UniformGrid;
import meanfield.solvers.NumericalFailure;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
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
 */
public final class NifSimulator {
    /** Neurons per random stream and per unit of parallel work. */
    public static final int BLOCK = 1024;
    /** Mixed into the seed so that a simulation and a network given the same seed use unrelated streams. */
    private static final long DYNAMICS_STREAMS = 0x510E527FADE682D1L;

    private final NifModel model;
    private final WeightMatrix network;
    private final UniformGrid initialRange;
    private final Settings settings;
    /** How spikes are decided (see the class comment): escape noise by thinning or time rescaling, bridged threshold. */
    private final boolean escapeNoise;
    private final boolean thinning;
    private final boolean bridging;

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
                throw new IllegalArgumentException("a particle run needs 0 < dt <= end and window >= dt, got end = "
                        + end + ", dt = " + dt + ", window = " + window);
            }
            if (bins < 1) {
                throw new IllegalArgumentException("a particle run needs at least one label bin, got " + bins);
            }
        }
    }

    /**
     * @param initialRange the potentials where f0 is sampled (the v grid of the problem: only its ends are used)
     */
    public NifSimulator(NifModel model, WeightMatrix network, UniformGrid initialRange, Settings settings) {
        if (settings.bins() > network.n()) {
            throw new IllegalArgumentException(settings.bins() + " label bins for " + network.n()
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

    public NifParticleRun simulate(int threads, DoubleConsumer progress) {
        double dt = settings.dt();
        int steps = (int) Math.round(settings.end() / dt);
        int windowSteps = (int) Math.round(settings.window() / dt);
        int windows = (steps + windowSteps - 1) / windowSteps;
        Run run = new Run(new InitialPotentials(model.initial(), initialRange));
        double[] windowEdges = new double[windows + 1];
        double[][] rate = new double[windows][];
        String failure = null;
        int step = 0;
        int closed = 0;
        try (ColumnPool pool = new ColumnPool(threads)) {
            pool.forEachChunk(run.blocks, run::sampleInitial);
            while (closed < windows && failure == null) {
                int last = Math.min(steps, (closed + 1) * windowSteps);
                for (; step < last; step++) {
                    double t = step * dt;
                    pool.forEachChunk(run.blocks, (worker, from, to) -> run.advance(t, from, to));
                    run.gatherSpikes((step + 1) * dt);
                    pool.forEachChunk(run.blocks, run::deliverAndReset);
                    progress.accept((double) (step + 1) / steps);
                }
                rate[closed] = run.closeWindow((last - closed * windowSteps) * dt);
                windowEdges[++closed] = last * dt;
                failure = run.nonFinitePotential(last * dt);
            }
        }
        double[] labelEdges = new double[settings.bins() + 1];
        Arrays.setAll(labelEdges, b -> (double) b / settings.bins());
        return new NifParticleRun(Arrays.copyOf(windowEdges, closed + 1), labelEdges, Arrays.copyOf(rate, closed),
                run.labels, run.potential, run.spikeCount, step, Optional.ofNullable(failure),
                Arrays.copyOf(run.recordedTimes, run.recorded.size()), run.recorded.toArray());
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
        final InitialPotentials initial;
        final Drift drift = model.drift();
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

        Run(InitialPotentials initial) {
            this.initial = initial;
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
        }

        void sampleInitial(int worker, int fromBlock, int toBlock) {
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

        /** Drift, noise and spike decisions of the neurons in blocks [fromBlock, toBlock) at time t. */
        void advance(double t, int fromBlock, int toBlock) {
            double dt = settings.dt();
            for (int b = fromBlock; b < toBlock; b++) {
                SplitMix64 random = streams[b];
                int first = b * BLOCK;
                int end = Math.min(n, first + BLOCK);
                for (int i = first; i < end; i++) {
                    double v = potential[i];
                    double next = v + drift.value(t, v, labels[i]) * dt + noise * NormalZiggurat.next(random);
                    if (bridging && next < threshold && crossedWithin(v, next, random)) {
                        // It reached v_F inside the step: the spike pass sees it there.
                        next = threshold;
                    }
                    potential[i] = next;
                }
                // A separate pass: the common case of each loop is short, without calls or draws.
                int count = thinning ? thin(random, first, end, dt)
                        : escapeNoise ? rescale(random, first, end, dt) : crossings(first, end);
                blockSpikes[b] = count;
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

        /** The spike decisions of neurons first..end-1 by thinning; their spikes from spiking[first]; how many. */
        int thin(SplitMix64 random, int first, int end, double dt) {
            int count = 0;
            for (int i = first; i < end; i++) {
                double v = potential[i];
                boolean fires = hardThreshold && v >= threshold;
                if (--untilCandidate[i] == 0) {
                    untilCandidate[i] = candidateGap(random);
                    fires |= random.nextDouble() * candidateProbability < -Math.expm1(-rate.value(v) * dt);
                }
                if (fires) {
                    spiking[first + count++] = i;
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

        /** The spike decisions of neurons first..end-1 by time rescaling, as {@link #thin}. */
        int rescale(SplitMix64 random, int first, int end, double dt) {
            int count = 0;
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
            return count;
        }

        /** The hard-threshold crossings of neurons first..end-1 without escape noise, as {@link #thin}. */
        int crossings(int first, int end) {
            int count = 0;
            for (int i = first; i < end; i++) {
                if (hardThreshold && potential[i] >= threshold) {
                    spiking[first + count++] = i;
                }
            }
            return count;
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
        private int[] values = new int[0];
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
