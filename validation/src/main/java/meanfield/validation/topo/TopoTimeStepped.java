package meanfield.validation.topo;

import java.util.Arrays;
import java.util.function.DoubleConsumer;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.IncompatibleCheckpoint;
import meanfield.solvers.run.PackedState;
import meanfield.validation.random.AliasTable;
import meanfield.validation.random.SplitMix64;

/**
 * An <b>approximate</b>, time-stepped simulation of the topological particle system (MODEL.md 2.1),
 * 1D only: the rank law is applied to the configuration frozen at the start of each step, which is
 * the method's one approximation. {@link TopoSimulator} is the exact dynamics.
 *
 * <p><b>A step of length h (at most dt).</b> The positions are frozen and sorted once
 * ({@link FrozenRankQuery1d}). Each particle's rate-1 Poisson clock is run over [0, h] exactly: the
 * particles with at least one event (probability 1 - e^{-h} each) are found by geometric skips, the
 * first event of such a particle is at a time drawn from the exponential law truncated to [0, h) and
 * the next ones follow by exponential gaps. At each event the particle draws a rank s from the same
 * alias table as the exact simulator, finds the particle of rank s around its frozen position in the
 * frozen configuration and takes that particle's velocity at the step start; it moves with each
 * velocity it holds for the time it holds it, so its own path is exact given its events. New
 * velocities are written apart, so every event of the step sees the step start's velocities. Output
 * times are reached exactly: an interval between outputs is cut into equal steps of at most dt.
 *
 * <p><b>Error bound (rank law).</b> Let an event of particle i be at time tau in [0, h) after the step
 * start, with drawn rank s and frozen partner j*. In the exact dynamics (and in this one) every two
 * particles' relative velocity is at most W = max_{k,l} |v_k - v_l|, so every torus distance to x_i
 * changes by at most W tau, and two particles can exchange their order of distance only if their
 * frozen distances differ by at most 2 W tau. Hence the rank R of j* at the event's true time satisfies
 * |R - s| <= B, B = #{j : |D_j - D_j*| <= 2 W tau} (D the frozen distances), deterministically. In 1D
 * that band is two arcs of total length 8 W tau, so for particles of density at most rho_max,
 * E B <= 8 W tau rho_max N: the law of the partner's true rank fraction R/(N-1) differs from K's
 * law of s/(N-1) by at most 8 W dt rho_max in Wasserstein-1 distance (the coupling R, s), first order
 * in dt and independent of N. The exact dynamics adds O(dt) more per event (the partner may have
 * changed its velocity within the step, probability at most dt). Both statements are checked in
 * TopoTimeSteppedTest. The cost: a sort per step, O(N), and O(log N) loads per event.
 *
 * <p><b>Reproducibility.</b> One seed fixes everything; the initial data are drawn exactly as
 * {@link TopoSimulator} draws them for the same seed (the same configuration at time 0), the events
 * from a second stream. The run is serial, so it does not depend on any thread count.
 *
 * <p><b>Checkpoints</b> are handed out as by the exact simulator, at output times; a run resumed from
 * one continues bit for bit (see {@link #resume}), as each interval between outputs is cut into steps
 * alike and the whole state (positions, velocity nodes, clock, stream) is restored.
 */
public final class TopoTimeStepped extends TopoRunner {
    /** First value of a packed state ("TTS1"), so that another run's state is refused, not misread. */
    private static final double STATE_FORMAT = 0x54545331;
    /** Values before the particles in a packed state: format, N, nodes, fingerprint (2), time, steps (2), stream (4). */
    private static final int HEADER = 12;

    /** Receives every event of a step (tests only): particle, time after the step start, rank, partner. */
    interface EventObserver {
        void event(int i, double tau, int rank, int partner);
    }

    private final double[][] nodes;
    /** v_k (1D). */
    private final double[] velocity;
    private final int size;
    private final double dt;
    /** x_i now, in [0, 1). */
    private final double[] position;
    private int[] node;
    /** The velocity nodes at the end of the step being taken. */
    private int[] nextNode;
    /** frac(v_k h) for the current step length h. */
    private final double[] shift;
    private final AliasTable rankLaw;
    private final FrozenRankQuery1d frozen;
    /** Hash of the velocity nodes, the rank law and dt: a checkpoint of another run is refused. */
    private final long fingerprint;
    /** Not final: {@link #resume} replaces it by the checkpoint's stream. */
    private SplitMix64 random;
    private EventObserver observer;
    private double time;
    private long steps;
    private long events;
    private long velocityChanges;

    /** N particles drawn from the model's f0 (as {@link TopoSimulator} draws them for this seed), steps of at most dt. */
    public TopoTimeStepped(TopoModel model, int n, double dt, long seed) {
        this(model, n, dt, new SplitMix64(seed));
    }

    private TopoTimeStepped(TopoModel model, int n, double dt, SplitMix64 master) {
        this(model.velocities(), initial(model, n, master.split()), model.weight(), dt, master.split());
    }

    /** A given configuration at time 0 (positions x_i and velocity nodes); the seed drives the events only. */
    public TopoTimeStepped(double[][] velocities, double[] positions, int[] nodeOf, RankWeight weight, double dt,
            long seed) {
        this(velocities, new Initial(positions, nodeOf), weight, dt, new SplitMix64(seed));
    }

    private record Initial(double[] positions, int[] nodes) {
    }

    private TopoTimeStepped(double[][] velocities, Initial initial, RankWeight weight, double dt, SplitMix64 random) {
        if (velocities.length == 0) {
            throw new IllegalArgumentException("no velocity nodes");
        }
        if (velocities[0].length != 1) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "the time-stepped method is 1D only,"
                    + " this model has dimension " + velocities[0].length + ": use the exact method");
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "the time step must be positive and"
                    + " finite, got " + dt);
        }
        this.size = initial.nodes().length;
        if (size < 2) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a topological system needs at least"
                    + " 2 particles, got " + size);
        }
        if (initial.positions().length != size) {
            throw new IllegalArgumentException(initial.positions().length + " positions for " + size + " particles");
        }
        this.nodes = new double[velocities.length][];
        this.velocity = new double[velocities.length];
        for (int k = 0; k < velocities.length; k++) {
            if (velocities[k].length != 1) {
                throw new IllegalArgumentException("velocity " + k + " has " + velocities[k].length + " components in 1D");
            }
            nodes[k] = velocities[k].clone();
            velocity[k] = velocities[k][0];
        }
        this.dt = dt;
        this.position = new double[size];
        for (int i = 0; i < size; i++) {
            double x = initial.positions()[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("position " + i + " is " + x);
            }
            position[i] = Torus.frac(x);
        }
        this.node = initial.nodes().clone();
        for (int i = 0; i < size; i++) {
            if (node[i] < 0 || node[i] >= nodes.length) {
                throw new IllegalArgumentException("particle " + i + " has velocity node " + node[i] + " of " + nodes.length);
            }
        }
        this.nextNode = new int[size];
        this.shift = new double[nodes.length];
        double[] rankWeight = new double[size - 1];
        for (int s = 1; s < size; s++) {
            rankWeight[s - 1] = weight.value((double) s / (size - 1));
        }
        this.rankLaw = new AliasTable(rankWeight);
        this.frozen = new FrozenRankQuery1d(size);
        this.random = random;
        long hash = Arrays.hashCode(rankWeight);
        for (double v : velocity) {
            hash = 31 * hash + Double.doubleToLongBits(v);
        }
        this.fingerprint = 31 * hash + Double.doubleToLongBits(dt);
    }

    private static Initial initial(TopoModel model, int n, SplitMix64 random) {
        if (model.dimension() != 1) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "the time-stepped method is 1D only,"
                    + " this model has dimension " + model.dimension() + ": use the exact method");
        }
        if (n < 2) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a topological system needs at least"
                    + " 2 particles, got " + n);
        }
        double[] positions = new double[n];
        int[] nodes = new int[n];
        TopoSimulator.sample(model, random, positions, nodes);
        return new Initial(positions, nodes);
    }

    @Override
    public int size() {
        return size;
    }

    /** The largest step length. */
    public double dt() {
        return dt;
    }

    @Override
    public double time() {
        return time;
    }

    public long steps() {
        return steps;
    }

    @Override
    public long events() {
        return events;
    }

    @Override
    public long velocityChanges() {
        return velocityChanges;
    }

    /** x_i now. */
    public double position(int i) {
        return position[i];
    }

    public int velocityNode(int i) {
        return node[i];
    }

    void observe(EventObserver observer) {
        this.observer = observer;
    }

    /** x_j at the start of the step being taken (for an {@link EventObserver}). */
    double frozenPosition(int j) {
        return frozen.position(j);
    }

    /** The velocity node of j at the start of the step being taken (for an {@link EventObserver}). */
    int frozenNode(int j) {
        return node[j];
    }

    /** Runs to time {@code until} (not before now) in equal steps of at most dt. */
    @Override
    public void advance(double until) {
        if (!(until >= time)) {
            throw new IllegalArgumentException("cannot advance from t = " + time + " back to " + until);
        }
        double remaining = until - time;
        if (remaining == 0) {
            return;
        }
        // The relative slack keeps 0.3 / 0.1 (2.9999999999999996) from adding a step.
        long count = Math.max(1, (long) Math.ceil(remaining / dt * (1 - 1e-12)));
        double h = remaining / count;
        double start = time;
        for (long c = 0; c < count; c++) {
            step(h);
        }
        time = start + remaining;
    }

    /** One step of length h: see the class comment. */
    void step(double h) {
        for (int k = 0; k < velocity.length; k++) {
            shift[k] = Torus.frac(velocity[k] * h);
        }
        frozen.freeze(position);
        // Given at least one event in [0, h), the first is at -log(1 - u (1 - e^{-h})).
        double some = -Math.expm1(-h);
        int[] from = node;
        int[] to = nextNode;
        int next = nextInteracting(-1, h);
        for (int i = 0; i < size; i++) {
            int k = from[i];
            if (i != next) {
                position[i] = Torus.wrap(position[i] + shift[k]);
                to[i] = k;
                continue;
            }
            double x = position[i];
            double at = 0;
            double tau = -Math.log1p(-random.nextDouble() * some);
            int current = k;
            do {
                x += velocity[current] * (tau - at);
                at = tau;
                int rank = 1 + rankLaw.sample(random);
                int j = frozen.rankedNeighbour(i, rank, random);
                if (observer != null) {
                    observer.event(i, tau, rank, j);
                }
                events++;
                if (from[j] != current) {
                    current = from[j];
                    velocityChanges++;
                }
                tau += random.nextExponential();
            } while (tau < h);
            position[i] = Torus.frac(x + velocity[current] * (h - at));
            to[i] = current;
            next = nextInteracting(i, h);
        }
        node = to;
        nextNode = from;
        time += h;
        steps++;
    }

    /**
     * The next particle after i with an event in a step of length h: each has one with probability
     * 1 - e^{-h}, so the number skipped is geometric, floor(E / h) for E standard exponential.
     */
    private int nextInteracting(int i, double h) {
        double skip = Math.floor(random.nextExponential() / h);
        return skip >= size - 1 - i ? size : i + 1 + (int) skip;
    }

    /** The layout of {@code particles.h5}, that of {@link TopoSimulator#layout}. */
    @Override
    public ResultLayout layout(double end, double outputEvery, int bins) {
        return TopoSimulator.layout(nodes, end, outputEvery, bins);
    }

    /**
     * Runs from time 0 to {@code end}, handing the histograms at the output times 0, outputEvery, ...,
     * end to the sink ({@link #layout}); progress receives the fraction of the horizon done after each
     * output. Returns the outputs in memory too (events counted as for the exact simulator).
     *
     * @param bins position bins of the histograms
     */
    public TopoParticleRun simulate(double end, double outputEvery, int bins, DoubleConsumer progress,
            ResultSink sink) {
        return simulate(end, outputEvery, bins, progress, sink, null);
    }

    @Override
    boolean started() {
        return time != 0 || steps != 0;
    }

    @Override
    double[][] velocityNodes() {
        double[][] velocities = new double[nodes.length][];
        for (int k = 0; k < nodes.length; k++) {
            velocities[k] = nodes[k].clone();
        }
        return velocities;
    }

    @Override
    void histogramAt(double t, int bins, double[] positionMass, double[] jointMass) {
        histogram(bins, positionMass, jointMass);
    }

    @Override
    Checkpoint checkpoint(double t, int nextOutput) {
        return new Checkpoint(t, nextOutput, dt, events, velocityChanges, pack(), new double[0][]);
    }

    /**
     * The whole state a run continues from: format, N, nodes, the fingerprint (velocity nodes, rank
     * law, dt), time, steps, the stream; then the positions and the velocity nodes. Longs are written
     * as two exact 32-bit halves ({@link PackedState}).
     */
    private double[] pack() {
        PackedState.Writer state = new PackedState.Writer(HEADER + 2 * size);
        state.putDouble(STATE_FORMAT);
        state.putInt(size);
        state.putInt(nodes.length);
        state.putLong(fingerprint);
        state.putDouble(time);
        state.putLong(steps);
        state.putLongs(random.state());
        state.putDoubles(position, size);
        state.putInts(node, size);
        return state.toArray();
    }

    /** Takes the state {@link #pack} wrote, after checking that it belongs to this model, N and dt. */
    @Override
    void restore(Checkpoint from) {
        double[] state = from.state();
        if (state.length == 0 || state[0] != STATE_FORMAT) {
            throw new IncompatibleCheckpoint("the checkpoint does not hold the state of a time-stepped topological"
                    + " particle run");
        }
        if (state.length != HEADER + 2 * size) {
            throw new IncompatibleCheckpoint("the checkpoint holds " + state.length + " values, a run of " + size
                    + " particles " + (HEADER + 2 * size));
        }
        try {
            PackedState.Reader in = new PackedState.Reader(state);
            in.getDouble();
            int n = in.getInt();
            int count = in.getInt();
            if (n != size || count != nodes.length || in.getLong() != fingerprint) {
                throw new IncompatibleCheckpoint("the checkpoint is of another model, N or dt");
            }
            double at = in.getDouble();
            long stepCount = in.getLong();
            long[] stream = new long[2];
            in.getLongs(stream);
            if (at != from.time() || stepCount < 0 || from.accepted() < 0 || from.rejected() < 0
                    || from.rejected() > from.accepted()) {
                throw new IncompatibleCheckpoint("the checkpoint's clock is inconsistent: t = " + from.time()
                        + ", state at " + at + ", " + stepCount + " steps, " + from.accepted() + " events");
            }
            double[] x = new double[size];
            in.getDoubles(x, size);
            int[] k = new int[size];
            in.getInts(k, size);
            for (int i = 0; i < size; i++) {
                if (!(x[i] >= 0 && x[i] < 1) || k[i] < 0 || k[i] >= nodes.length) {
                    throw new IncompatibleCheckpoint("the checkpoint's state is damaged: particle " + i + " at " + x[i]
                            + " with velocity node " + k[i]);
                }
            }
            System.arraycopy(x, 0, position, 0, size);
            System.arraycopy(k, 0, node, 0, size);
            random = SplitMix64.restore(stream);
            time = at;
            steps = stepCount;
            events = from.accepted();
            velocityChanges = from.rejected();
        } catch (IncompatibleCheckpoint e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new IncompatibleCheckpoint("the checkpoint's state is damaged: " + e.getMessage());
        }
    }

    /** Position masses now: positionMass[bin] and jointMass[bin * nodes + k]; each particle weighs 1/N. */
    public void histogram(int bins, double[] positionMass, double[] jointMass) {
        Arrays.fill(positionMass, 0.0);
        Arrays.fill(jointMass, 0.0);
        double mass = 1.0 / size;
        int count = nodes.length;
        for (int i = 0; i < size; i++) {
            int bin = Math.min(bins - 1, (int) (position[i] * bins));
            positionMass[bin] += mass;
            jointMass[bin * count + node[i]] += mass;
        }
    }
}
