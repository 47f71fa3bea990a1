package meanfield.validation.mv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import meanfield.solvers.NumericalFailure;
import meanfield.solvers.mv.MvModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.result.Variable;
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
 */
public final class MvSimulator {
    /** Particles per random stream and per unit of parallel work. */
    public static final int BLOCK = 1024;
    /** Sampling cells per axis by dimension (index 1..3): about 2^14 cells in all. */
    private static final int[] SAMPLING_CELLS = {0, 1 << 14, 1 << 7, 25};
    /** Mixed into the seed so that the same seed in another simulator gives unrelated streams. */
    private static final long DYNAMICS_STREAMS = 0x3C6EF372FE94F82BL;

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
                throw new IllegalArgumentException("a particle run needs at least one particle, got " + particles);
            }
            if (!(dt > 0) || !(end >= dt) || !(outputEvery >= dt) || Double.isInfinite(end)) {
                throw new IllegalArgumentException("a particle run needs 0 < dt <= end and outputEvery >= dt, got end = "
                        + end + ", dt = " + dt + ", outputEvery = " + outputEvery);
            }
            if (bins < 1) {
                throw new IllegalArgumentException("a particle run needs at least one bin, got " + bins);
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

    /** Hands the output just recorded (number recorded - 1) to the sink, if any. */
    private static void emit(ResultSink sink, int recorded, double[] times, double[][] histogram) {
        if (sink != null) {
            sink.output(recorded - 1, times[recorded - 1], new double[][] {histogram[recorded - 1]});
        }
    }

    /** A run with its results in memory only. */
    public MvParticleRun simulate(int threads, DoubleConsumer progress) {
        return simulate(threads, progress, null);
    }

    /** The axes t, x_edges, x (y, z: bin centres) and the per-output {@code position_hist}. */
    public ResultLayout layout() {
        int d = model.dimension();
        int bins = settings.bins();
        double[] edges = new double[bins + 1];
        Arrays.setAll(edges, b -> (double) b / bins);
        double[] centres = new double[bins];
        Arrays.setAll(centres, b -> (b + 0.5) / bins);
        List<Axis> axes = new ArrayList<>();
        axes.add(Axis.time());
        axes.add(new Axis("x_edges", "1", "bin edges along each axis of the unit torus", edges));
        String[] space = Arrays.copyOf(new String[] {"x", "y", "z"}, d);
        for (String a : space) {
            axes.add(new Axis(a, "1", "position " + a + " on the unit torus (bin centres)", centres));
        }
        return new ResultLayout(axes, List.of(Variable.perOutput("position_hist", "1", "particle mass per position bin",
                space)));
    }

    /**
     * A run whose histograms also go to {@code sink} (when not null) as each output time is
     * reached, so that a file holds every output reached if the run is killed.
     */
    public MvParticleRun simulate(int threads, DoubleConsumer progress, ResultSink sink) {
        int d = model.dimension();
        int n = settings.particles();
        int blocks = (n + BLOCK - 1) / BLOCK;
        double dt = settings.dt();
        int steps = (int) Math.round(settings.end() / dt);
        int outputSteps = Math.max(1, (int) Math.round(settings.outputEvery() / dt));
        int outputs = 1 + (steps + outputSteps - 1) / outputSteps;
        double noise = Math.sqrt(2 * model.sigma() * dt);

        SplitMix64 master = new SplitMix64(settings.seed() ^ DYNAMICS_STREAMS);
        SplitMix64[] streams = new SplitMix64[blocks];
        for (int b = 0; b < blocks; b++) {
            streams[b] = master.split();
        }
        double[] x = new double[n * d];
        double[] drift = new double[n * d];
        double[] times = new double[outputs];
        double[][] histogram = new double[outputs][];
        String failure = null;
        int recorded = 0;
        int step = 0;
        try (ColumnPool pool = new ColumnPool(threads)) {
            InitialLaw initial = new InitialLaw();
            pool.forEachChunk(blocks, (worker, from, to) -> {
                for (int b = from; b < to; b++) {
                    for (int i = b * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                        initial.sample(x, i, streams[b]);
                    }
                }
            });
            double[] initialPositions = x.clone();
            if (sink != null) {
                sink.begin(layout(), outputs, 0);
            }
            histogram[recorded] = histogram(x);
            times[recorded++] = 0;
            emit(sink, recorded, times, histogram);
            while (step < steps && failure == null) {
                interaction.drift(x, n, drift, pool);
                pool.forEachChunk(blocks, (worker, from, to) -> {
                    for (int b = from; b < to; b++) {
                        SplitMix64 random = streams[b];
                        for (int c = b * BLOCK * d, end = Math.min(n, (b + 1) * BLOCK) * d; c < end; c++) {
                            x[c] += drift[c] * dt + (noise > 0 ? noise * NormalZiggurat.next(random) : 0);
                        }
                    }
                });
                step++;
                if (step % outputSteps == 0 || step == steps) {
                    failure = nonFinite(x, step * dt);
                    histogram[recorded] = histogram(x);
                    times[recorded++] = step * dt;
                    if (failure == null) {
                        emit(sink, recorded, times, histogram);
                    }
                    progress.accept((double) step / steps);
                }
            }
            if (sink != null) {
                sink.finish(failure == null ? recorded : recorded - 1, Map.of());
            }
            double[] edges = new double[settings.bins() + 1];
            Arrays.setAll(edges, b -> (double) b / settings.bins());
            return new MvParticleRun(Arrays.copyOf(times, recorded), edges, Arrays.copyOf(histogram, recorded),
                    initialPositions, x, step, interaction.modes(), interaction.errorBound(),
                    Optional.ofNullable(failure));
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
                    throw new IllegalArgumentException("f0(x) = " + weights[cell] + " at x = " + Arrays.toString(point)
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
