package meanfield.validation.topo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.result.Variable;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.IncompatibleCheckpoint;
import meanfield.solvers.run.PackedState;
import meanfield.solvers.time.TimeControl;
import meanfield.validation.random.AliasTable;
import meanfield.validation.TorusBins;
import meanfield.validation.random.SplitMix64;

/**
 * The exact event-driven dynamics of MODEL.md 2.1: a Poisson clock of rate N picks a particle i
 * uniformly; i draws a rank s in 1..N-1 with probability K(s/(N-1)) / sum_{s'} K(s'/(N-1)) from an
 * alias table (O(1)), finds the particle j of that rank around it ({@link TopoParticles#rankedNeighbour})
 * and takes its velocity; between events every particle moves freely on the torus.
 *
 * <p><b>Initial data.</b> (x_i, k_i) are drawn independently from the joint law of position and
 * velocity node, f0(x, v_k) normalized: f0 is evaluated at the centres of a grid of about 2^14 cells
 * (16384 in 1D, 128^2 in 2D, 25^3 in 3D) for every node, a (cell, node) pair is drawn from these
 * weights by an alias table and the position uniformly in the cell. The law sampled is the
 * piecewise-constant midpoint approximation of f0: its bin masses differ from those of f0 by
 * O(h^2), h the sampling cell width, far below the N^(-1/2) sampling noise of any feasible N.
 *
 * <p><b>Reproducibility.</b> One seed fixes everything: the initial data and the event stream come
 * from two streams split from it. The event loop is serial (one event needs the state the previous
 * left), so the run does not depend on any thread count.
 *
 * <p><b>Outputs and checkpoints.</b> A run hands the histograms at every output time (those of
 * {@link TimeControl#outputTimes}, the same doubles whatever the end) to a {@link ResultSink}, with
 * the {@link #layout} of {@code particles.h5} (PROBLEMS.md), and can hand out {@link Checkpoint}s as
 * the PDE driver does: at the first output time at least {@code every} after the previous one, and at
 * the end. A checkpoint holds the event clock, the state of the event stream and the particle state
 * (co-moving coordinates and velocity nodes); the cell grids are rebuilt from it, which is exact
 * because the rank query's answer does not depend on how the grids hold the particles. A run
 * {@link #resume}d from it gives the outputs, bit for bit, and the event counts of the run that was
 * not interrupted.
 */
public final class TopoSimulator extends TopoRunner {
    /** Sampling cells per axis by dimension (index 1..3): about 2^14 cells in all. */
    private static final int[] SAMPLING_CELLS = {0, 1 << 14, 1 << 7, 25};
    /** First value of a packed state ("TOP1"), so that another run's state is refused, not misread. */
    private static final double STATE_FORMAT = 0x544F5031;
    /**
     * The packed state's header: format, d, N, nodes, the model fingerprint (2), time, nextEvent,
     * the stream's seed (2) and gamma (2); the particle state follows.
     */
    private static final int HEADER = 12;

    private final TopoParticles particles;
    private final AliasTable rankLaw;
    /** Hash of the velocity nodes and the rank law: a checkpoint of another model or N is refused. */
    private final long fingerprint;
    /** Not final: {@link #resume} replaces it by the checkpoint's stream. */
    private SplitMix64 random;
    private double time;
    private double nextEvent;
    private long events;
    private long velocityChanges;

    /** N particles drawn from the model's f0, with the model's rank weight. */
    public TopoSimulator(TopoModel model, int n, long seed) {
        this(model, n, new SplitMix64(seed));
    }

    private TopoSimulator(TopoModel model, int n, SplitMix64 master) {
        this(sample(model, n, master.split()), model.weight(), master.split());
    }

    /** A given configuration at time 0 (the seed drives the events only). */
    public TopoSimulator(TopoParticles particles, RankWeight weight, long seed) {
        this(particles, weight, new SplitMix64(seed));
    }

    private TopoSimulator(TopoParticles particles, RankWeight weight, SplitMix64 random) {
        this.particles = particles;
        this.random = random;
        int n = particles.size();
        double[] rankWeight = new double[n - 1];
        for (int s = 1; s < n; s++) {
            rankWeight[s - 1] = weight.value((double) s / (n - 1));
        }
        this.rankLaw = new AliasTable(rankWeight);
        long hash = Arrays.hashCode(rankWeight);
        for (int k = 0; k < particles.nodeCount(); k++) {
            for (int a = 0; a < particles.dimension(); a++) {
                hash = 31 * hash + Double.doubleToLongBits(particles.velocity(k, a));
            }
        }
        this.fingerprint = hash;
        this.nextEvent = random.nextExponential() / n;
    }

    public TopoParticles particles() {
        return particles;
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public long events() {
        return events;
    }

    @Override
    public long velocityChanges() {
        return velocityChanges;
    }

    /** Runs the Poisson clock up to time {@code until}: every event at a time <= until. */
    @Override
    public void advance(double until) {
        int n = particles.size();
        while (nextEvent <= until) {
            double t = nextEvent;
            interact(random.nextInt(n), t);
            nextEvent = t + random.nextExponential() / n;
        }
        time = Math.max(time, until);
    }

    /**
     * One interaction of particle i at time t (not before the last event): a rank drawn from the rank
     * law, the partner of that rank, v_i <- v_partner. Returns the partner.
     */
    public int interact(int i, double t) {
        int rank = 1 + rankLaw.sample(random);
        int j = particles.rankedNeighbour(i, rank, t, random);
        events++;
        if (particles.copyVelocity(i, j, t)) {
            velocityChanges++;
        }
        return j;
    }

    /**
     * The axes and variables of a run's outputs, the arrays of {@code particles.h5} (PROBLEMS.md):
     * axes {@code t}, {@code x_edges} (bins + 1 edges on [0, 1], the same along every axis), {@code x}
     * ({@code y}, {@code z} in 2D, 3D: the bin centres), {@code velocity} (node indices) and
     * {@code component}; the constant {@code v} [velocity, component] (the nodes), and per output
     * {@code position_hist} [t, x (, y, z)], mass per bin, and {@code joint} [t, x (, y, z), velocity],
     * mass per bin and node (each particle weighs 1/N).
     */
    @Override
    public ResultLayout layout(double end, double outputEvery, int bins) {
        return layout(velocityNodes(), end, outputEvery, bins);
    }

    /** The layout of {@code particles.h5} for these velocity nodes (nodes x d); see {@link #layout(double, double, int)}. */
    static ResultLayout layout(double[][] nodes, double end, double outputEvery, int bins) {
        new TimeControl(end, outputEvery, Double.NaN, 1);
        if (!Double.isFinite(outputEvery)) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "the output interval must be finite, got " + outputEvery);
        }
        checkBins(bins);
        int d = nodes[0].length;
        int nvel = nodes.length;
        List<Axis> axes = new ArrayList<>(TorusBins.axes(d, bins));
        String[] space = TorusBins.space(d);
        axes.add(Axis.index("velocity", "velocity node index", nvel));
        axes.add(Axis.index("component", "velocity component index", d));
        double[] v = new double[nvel * d];
        for (int k = 0; k < nvel; k++) {
            for (int a = 0; a < d; a++) {
                v[k * d + a] = nodes[k][a];
            }
        }
        String[] withVelocity = Arrays.copyOf(space, d + 1);
        withVelocity[d] = "velocity";
        return new ResultLayout(axes, List.of(
                Variable.constant("v", "1", "velocity nodes", v, "velocity", "component"),
                Variable.perOutput("position_hist", "1", "particle mass per position bin", space),
                Variable.perOutput("joint", "1", "particle mass per position bin and velocity node", withVelocity)));
    }

    @Override
    double[][] velocityNodes() {
        int d = particles.dimension();
        double[][] velocities = new double[particles.nodeCount()][d];
        for (int k = 0; k < velocities.length; k++) {
            for (int a = 0; a < d; a++) {
                velocities[k][a] = particles.velocity(k, a);
            }
        }
        return velocities;
    }

    /**
     * Runs from time 0 to {@code end}, recording the histograms at the output times 0, outputEvery,
     * 2 outputEvery, ..., end; progress receives the fraction of the horizon done after each output.
     *
     * @param bins bins per axis of the position histograms
     */
    public TopoParticleRun simulate(double end, double outputEvery, int bins, DoubleConsumer progress) {
        return simulate(end, outputEvery, bins, progress, ResultSink.DISCARD, null);
    }

    @Override
    boolean started() {
        return time != 0 || events != 0;
    }

    @Override
    int size() {
        return particles.size();
    }

    @Override
    void histogramAt(double t, int bins, double[] positionMass, double[] jointMass) {
        particles.histogram(t, bins, positionMass, jointMass);
    }

    @Override
    Checkpoint checkpoint(double t, int nextOutput) {
        return new Checkpoint(t, nextOutput, 0, events, velocityChanges, pack(), new double[0][]);
    }

    /**
     * The whole state a run continues from, in one array: the header (see {@link #HEADER}), then
     * the particle state ({@link TopoParticles#saveState}). Longs go in as {@link PackedState} writes
     * them, two exact 32-bit halves, so that no writer of doubles can lose the stream's state.
     * The cell grids are not stored: {@link TopoParticles#restoreState} rebuilds them, and says why
     * that is exact.
     */
    private double[] pack() {
        double[] state = new double[HEADER + particles.stateSize()];
        state[0] = STATE_FORMAT;
        state[1] = particles.dimension();
        state[2] = particles.size();
        state[3] = particles.nodeCount();
        PackedState.Writer header = new PackedState.Writer(4);
        header.putLong(fingerprint);
        long[] stream = random.state();
        header.putLong(stream[0]);
        header.putLong(stream[1]);
        double[] longs = header.toArray();
        System.arraycopy(longs, 0, state, 4, 2);
        state[6] = time;
        state[7] = nextEvent;
        System.arraycopy(longs, 2, state, 8, 4);
        particles.saveState(state, HEADER);
        return state;
    }

    /** Takes the state of a checkpoint {@link #pack} wrote, after checking it belongs to this model and N. */
    @Override
    void restore(Checkpoint from) {
        double[] state = from.state();
        if (state.length < HEADER || state[0] != STATE_FORMAT) {
            throw new IncompatibleCheckpoint("the checkpoint does not hold the state of a topological particle run");
        }
        if (state[1] != particles.dimension() || state[2] != particles.size() || state[3] != particles.nodeCount()
                || state.length != HEADER + particles.stateSize()) {
            throw new IncompatibleCheckpoint("the checkpoint holds " + state[2] + " particles in dimension " + state[1]
                    + " with " + state[3] + " velocity nodes, this run " + particles.size() + " in dimension "
                    + particles.dimension() + " with " + particles.nodeCount());
        }
        double at = state[6];
        double next = state[7];
        if (at != from.time() || !(next > at) || from.accepted() < 0 || from.rejected() < 0
                || from.rejected() > from.accepted()) {
            throw new IncompatibleCheckpoint("the checkpoint's clock is inconsistent: t = " + from.time() + ", state at "
                    + at + ", next event " + next + ", " + from.accepted() + " events, " + from.rejected()
                    + " velocity changes");
        }
        SplitMix64 stream;
        try {
            if (new PackedState.Reader(java.util.Arrays.copyOfRange(state, 4, 6)).getLong() != fingerprint) {
                throw new IncompatibleCheckpoint("the checkpoint is of another model (velocity nodes or rank weight)");
            }
            PackedState.Reader streamState = new PackedState.Reader(java.util.Arrays.copyOfRange(state, 8, 12));
            stream = SplitMix64.restore(new long[] {streamState.getLong(), streamState.getLong()});
            particles.restoreState(state, HEADER);
        } catch (IncompatibleCheckpoint e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IncompatibleCheckpoint("the checkpoint's state is damaged: " + e.getMessage());
        }
        random = stream;
        time = at;
        nextEvent = next;
        events = from.accepted();
        velocityChanges = from.rejected();
    }

    static void checkBins(int bins) {
        if (bins < 1) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a particle run needs at least one bin, got " + bins);
        }
    }

    /** N independent draws of (x, velocity node) from f0 on the sampling grid (see the class comment). */
    static TopoParticles sample(TopoModel model, int n, SplitMix64 random) {
        double[] positions = new double[n * model.dimension()];
        int[] nodes = new int[n];
        sample(model, random, positions, nodes);
        return new TopoParticles(model.velocities(), positions, nodes);
    }

    /**
     * The draws of {@link #sample(TopoModel, int, SplitMix64)} into flat arrays: positions (N x d)
     * and velocity nodes (N), the same numbers for the same stream.
     */
    static void sample(TopoModel model, SplitMix64 random, double[] positions, int[] nodes) {
        int n = nodes.length;
        int d = model.dimension();
        int nvel = model.velocityCount();
        int perAxis = SAMPLING_CELLS[d];
        int cells = (int) Math.round(Math.pow(perAxis, d));
        double[] weights = new double[cells * nvel];
        double[] x = new double[d];
        for (int cell = 0; cell < cells; cell++) {
            for (int a = d - 1, rest = cell; a >= 0; a--, rest /= perAxis) {
                x[a] = (rest % perAxis + 0.5) / perAxis;
            }
            for (int k = 0; k < nvel; k++) {
                double f = model.initial().value(x, model.velocities()[k]);
                if (!(f >= 0) || !Double.isFinite(f)) {
                    throw new InvalidModelException(InvalidModelException.Part.INITIAL, "f0(x, v) = " + f + " at x = " + Arrays.toString(x)
                            + ", v = " + Arrays.toString(model.velocities()[k]) + " is not finite and >= 0");
                }
                weights[cell * nvel + k] = f;
            }
        }
        AliasTable law = new AliasTable(weights);
        for (int i = 0; i < n; i++) {
            int drawn = law.sample(random);
            nodes[i] = drawn % nvel;
            for (int a = d - 1, rest = drawn / nvel; a >= 0; a--, rest /= perAxis) {
                positions[i * d + a] = (rest % perAxis + random.nextDouble()) / perAxis;
            }
        }
    }
}
