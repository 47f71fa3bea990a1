package meanfield.validation.mv;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.NumericalFailure;
import meanfield.solvers.mv.MvModel;
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
import meanfield.validation.TorusBins;
import meanfield.validation.random.AliasTable;
import meanfield.validation.random.NormalZiggurat;
import meanfield.validation.random.SplitMix64;

/**
 * N McKean–Vlasov particles dX_i = (1/N) sum_j Kf(X_i - X_j) dt + sqrt(2 sigma) dB_i on T^d by
 * Euler–Maruyama with a fixed step: X += (Kf * mu_N)(X) dt + sqrt(2 sigma dt) Z, the interaction
 * from {@link FourierInteraction} (the error it reports, far below the O(dt) of the scheme).
 *
 * <p><b>Initial data.</b> f0 is evaluated at the centres of a grid of about 2^14 cells (16384 in 1D,
 * 128^2 in 2D, 25^3 in 3D); a cell is drawn from these weights by an alias table and the position
 * uniformly in it: the piecewise-constant midpoint law, O(h^2) from f0 in its bin masses.
 *
 * <p><b>Reproducibility.</b> Particles are processed in fixed blocks of {@link #BLOCK}, each with its
 * own random stream split in block order from the seed (initial positions and noise), and the
 * interaction reduces in block order: the same seed gives the same trajectories for any thread count.
 * A checkpoint holds the positions and every block's stream, so a run continues from one bit for bit.
 */
public final class MvSimulator implements ParticleSimulator<MvParticleRun> {
    /** Particles per random stream and per unit of parallel work. */
    public static final int BLOCK = 1024;
    /** Sampling cells per axis by dimension (index 1..3): about 2^14 cells in all. */
    private static final int[] SAMPLING_CELLS = {0, 1 << 14, 1 << 7, 25};
    /** Mixed into the seed so that the same seed in another simulator gives unrelated streams. */
    private static final long DYNAMICS_STREAMS = 0x3C6EF372FE94F82BL;
    /** The first value of a checkpoint's state ("MVP1"): another run's state is refused, not misread. */
    private static final int STATE_FORMAT = 0x4D565031;

    private final MvModel model;
    private final Settings settings;
    private final FourierInteraction interaction;

    /**
     * @param particles   N
     * @param end         the horizon T, rounded to a whole number of steps
     * @param dt          the time step
     * @param outputEvery time between histograms, rounded to a whole number of steps (the last output is at the end)
     * @param bins        bins per axis of the position histograms
     * @param seed        the seed of the run (initial positions and noise)
     */
    public record Settings(int particles, double end, double dt, double outputEvery, int bins, long seed) {
        public Settings {
            if (particles < 1) {
                throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a particle run needs at least one particle, got " + particles);
            }
            if (!(dt > 0) || !(end >= dt) || !(outputEvery >= dt) || Double.isInfinite(end)) {
                throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a particle run needs 0 < dt <= end and outputEvery >= dt, got end = "
                        + end + ", dt = " + dt + ", outputEvery = " + outputEvery);
            }
            if (bins < 1) {
                throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a particle run needs at least one bin, got " + bins);
            }
        }
    }

    /** With the interaction truncated at {@link FourierInteraction#DEFAULT_TOLERANCE}. */
    public MvSimulator(MvModel model, Settings settings) {
        this(model, settings, FourierInteraction.of(model, FourierInteraction.DEFAULT_TOLERANCE));
    }

    public MvSimulator(MvModel model, Settings settings, FourierInteraction interaction) {
        this.model = model;
        this.settings = settings;
        this.interaction = interaction;
    }

    public FourierInteraction interaction() {
        return interaction;
    }

    /** A run with its results in memory only. */
    public MvParticleRun simulate(int threads, DoubleConsumer progress) {
        return simulate(threads, progress, ResultSink.DISCARD, null);
    }

    /** The axes t, x_edges, x (y, z: bin centres) and the per-output {@code position_hist}. */
    @Override
    public ResultLayout layout() {
        int d = model.dimension();
        List<Axis> axes = TorusBins.axes(d, settings.bins());
        String[] space = TorusBins.space(d);
        return new ResultLayout(axes, List.of(Variable.perOutput("position_hist", "1", "particle mass per position bin",
                space)));
    }

    /**
     * A run from t = 0 whose histograms go to {@code sink} as each output time is reached, so that a
     * file holds every output reached if the run is killed; with {@code checkpoints} (may be null) the
     * state is handed out at output times as {@link #resume} needs it.
     */
    @Override
    public MvParticleRun simulate(int threads, DoubleConsumer progress, ResultSink sink, CheckpointPolicy checkpoints) {
        State state = new State();
        try (ColumnPool pool = new ColumnPool(threads)) {
            InitialLaw initial = new InitialLaw();
            pool.forEachChunk(state.blocks, (worker, from, to) -> {
                for (int b = from; b < to; b++) {
                    for (int i = b * BLOCK, end = Math.min(state.n, i + BLOCK); i < end; i++) {
                        initial.sample(state.x, i, state.streams[b]);
                    }
                }
            });
            state.initialPositions = state.x.clone();
            return advance(state, 0, pool, progress, sink, checkpoints);
        }
    }

    /**
     * Continues a run from one of its checkpoints, on a simulator with the same model, N, dt, output
     * interval, bins and seed (the end may be later), to its end, bit for bit as the uninterrupted run
     * on any thread count. The run returned holds the outputs from the checkpoint on.
     *
     * @throws IncompatibleCheckpoint for a checkpoint of another run or not at one of this run's output times
     */
    @Override
    public MvParticleRun resume(Checkpoint from, int threads, DoubleConsumer progress, ResultSink sink,
            CheckpointPolicy checkpoints) {
        State state = new State();
        int first = from.nextOutput();
        if (from.step() != settings.dt() || first < 1 || first >= state.outputs || from.accepted() != state.stepOf(first - 1)
                || from.time() != from.accepted() * settings.dt()) {
            throw new IncompatibleCheckpoint("the checkpoint at t = " + from.time() + " (after " + from.accepted()
                    + " steps of " + from.step() + ") is not an output of this run (" + state.steps + " steps of "
                    + settings.dt() + ", outputs every " + state.outputSteps + ")");
        }
        state.unpack(from.state());
        try (ColumnPool pool = new ColumnPool(threads)) {
            return advance(state, first, pool, progress, sink, checkpoints);
        }
    }

    /** Steps from output first - 1 (or from t = 0 when first is 0) to the end or a failure. */
    private MvParticleRun advance(State state, int first, ColumnPool pool, DoubleConsumer progress, ResultSink sink,
            CheckpointPolicy checkpoints) {
        int d = model.dimension();
        int n = state.n;
        double dt = settings.dt();
        double noise = Math.sqrt(2 * model.sigma() * dt);
        double[] x = state.x;
        double[] drift = new double[n * d];
        int outputs = state.outputs;
        double[] times = new double[outputs];
        double[][] histogram = new double[outputs][];
        String failure = null;
        int recorded = first;
        int step = first == 0 ? 0 : state.stepOf(first - 1);
        double lastCheckpoint = step * dt;
        sink.begin(layout(), outputs, first);
        if (first == 0) {
            histogram[recorded] = histogram(x);
            times[recorded++] = 0;
            emit(sink, recorded, times, histogram);
        }
        while (step < state.steps && failure == null) {
            interaction.drift(x, n, drift, pool);
            pool.forEachChunk(state.blocks, (worker, from, to) -> {
                for (int b = from; b < to; b++) {
                    SplitMix64 random = state.streams[b];
                    for (int c = b * BLOCK * d, end = Math.min(n, (b + 1) * BLOCK) * d; c < end; c++) {
                        x[c] += drift[c] * dt + (noise > 0 ? noise * NormalZiggurat.next(random) : 0);
                    }
                }
            });
            step++;
            if (step == state.stepOf(recorded)) {
                double t = step * dt;
                failure = nonFinite(x, t);
                histogram[recorded] = histogram(x);
                times[recorded++] = t;
                if (failure == null) {
                    emit(sink, recorded, times, histogram);
                    if (checkpoints != null && checkpoints.due(t, lastCheckpoint, recorded == outputs)) {
                        checkpoints.destination().accept(new Checkpoint(t, recorded, dt, step, 0, state.pack(),
                                new double[0][]));
                        lastCheckpoint = t;
                    }
                }
                progress.accept((double) step / state.steps);
            }
        }
        sink.finish(failure == null ? recorded : recorded - 1, Map.of());
        double[] edges = new double[settings.bins() + 1];
        Arrays.setAll(edges, b -> (double) b / settings.bins());
        return new MvParticleRun(Arrays.copyOfRange(times, first, recorded), edges,
                Arrays.copyOfRange(histogram, first, recorded), state.initialPositions, x, step, interaction.modes(),
                interaction.errorBound(), Optional.ofNullable(failure));
    }

    /** Hands the output just recorded (number recorded - 1) to the sink. */
    private static void emit(ResultSink sink, int recorded, double[] times, double[][] histogram) {
        sink.output(recorded - 1, times[recorded - 1], new double[][] {histogram[recorded - 1]});
    }

    /** The positions and random streams of a run, and its schedule of steps and outputs. */
    private final class State {
        final int n = settings.particles();
        final int d = model.dimension();
        final int blocks = (n + BLOCK - 1) / BLOCK;
        final int steps = (int) Math.round(settings.end() / settings.dt());
        final int outputSteps = Math.max(1, (int) Math.round(settings.outputEvery() / settings.dt()));
        final int outputs = 1 + (steps + outputSteps - 1) / outputSteps;
        final SplitMix64[] streams = new SplitMix64[blocks];
        final double[] x = new double[n * d];
        double[] initialPositions;

        State() {
            SplitMix64 master = new SplitMix64(settings.seed() ^ DYNAMICS_STREAMS);
            for (int b = 0; b < blocks; b++) {
                streams[b] = master.split();
            }
        }

        /** The step after which output o is taken (the last output at the end). */
        int stepOf(int o) {
            return (int) Math.min(steps, (long) o * outputSteps);
        }

        /** Format tag, N, d, positions now and at the start, every block's stream. */
        double[] pack() {
            PackedState.Writer out = new PackedState.Writer(3 + 2 * n * d + 4 * blocks);
            out.putInt(STATE_FORMAT);
            out.putInt(n);
            out.putInt(d);
            out.putDoubles(x, n * d);
            out.putDoubles(initialPositions, n * d);
            for (SplitMix64 stream : streams) {
                out.putLongs(stream.state());
            }
            return out.toArray();
        }

        void unpack(double[] state) {
            try {
                PackedState.Reader in = new PackedState.Reader(state);
                if (in.getInt() != STATE_FORMAT || in.getInt() != n || in.getInt() != d) {
                    throw new IncompatibleCheckpoint("the checkpoint is not of an MV particle run of " + n
                            + " particles in dimension " + d);
                }
                in.getDoubles(x, n * d);
                initialPositions = new double[n * d];
                in.getDoubles(initialPositions, n * d);
                long[] stream = new long[2];
                for (int b = 0; b < blocks; b++) {
                    in.getLongs(stream);
                    streams[b] = SplitMix64.restore(stream);
                }
                in.expectEnd();
            } catch (IncompatibleCheckpoint e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new IncompatibleCheckpoint("the checkpoint's state is damaged: " + e.getMessage());
            }
        }
    }

    /** Mass per bin of the positions mod 1 (serial, O(N) once per output). */
    private double[] histogram(double[] x) {
        int d = model.dimension();
        int bins = settings.bins();
        int n = x.length / d;
        double[] mass = new double[(int) Math.round(Math.pow(bins, d))];
        for (int i = 0; i < n; i++) {
            int bin = 0;
            for (int a = 0; a < d; a++) {
                double p = x[i * d + a] - Math.floor(x[i * d + a]);
                bin = bin * bins + Math.min(bins - 1, (int) (p * bins));
            }
            mass[bin] += 1.0 / n;
        }
        return mass;
    }

    private static String nonFinite(double[] x, double t) {
        for (int c = 0; c < x.length; c++) {
            if (!Double.isFinite(x[c])) {
                return new NumericalFailure(t, "position coordinate " + c + " = " + x[c]).getMessage();
            }
        }
        return null;
    }

    /** f0 on the sampling cells as an alias table: a cell by its weight, then a uniform point in it. */
    private final class InitialLaw {
        final int d = model.dimension();
        final int perAxis = SAMPLING_CELLS[d];
        final AliasTable cells;

        InitialLaw() {
            int count = (int) Math.round(Math.pow(perAxis, d));
            double[] weights = new double[count];
            double[] point = new double[d];
            for (int cell = 0; cell < count; cell++) {
                for (int a = d - 1, rest = cell; a >= 0; a--, rest /= perAxis) {
                    point[a] = (rest % perAxis + 0.5) / perAxis;
                }
                weights[cell] = model.initial().value(point);
                if (!(weights[cell] >= 0) || !Double.isFinite(weights[cell])) {
                    throw new InvalidModelException(InvalidModelException.Part.INITIAL, "f0(x) = " + weights[cell] + " at x = " + Arrays.toString(point)
                            + " is not finite and >= 0");
                }
            }
            cells = new AliasTable(weights);
        }

        void sample(double[] x, int i, SplitMix64 random) {
            for (int a = d - 1, rest = cells.sample(random); a >= 0; a--, rest /= perAxis) {
                x[i * d + a] = (rest % perAxis + random.nextDouble()) / perAxis;
            }
        }
    }
}
