package meanfield.validation.topo;

import java.util.Arrays;
import java.util.function.DoubleConsumer;

import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.validation.random.AliasTable;
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
 */
public final class TopoSimulator {
    /** Sampling cells per axis by dimension (index 1..3): about 2^14 cells in all. */
    private static final int[] SAMPLING_CELLS = {0, 1 << 14, 1 << 7, 25};

    private final TopoParticles particles;
    private final AliasTable rankLaw;
    private final SplitMix64 random;
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
        this.nextEvent = random.nextExponential() / n;
    }

    public TopoParticles particles() {
        return particles;
    }

    public double time() {
        return time;
    }

    public long events() {
        return events;
    }

    public long velocityChanges() {
        return velocityChanges;
    }

    /** Runs the Poisson clock up to time {@code until}: every event at a time <= until. */
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
     * Runs from time 0 to {@code end}, recording the histograms at 0, outputEvery, 2 outputEvery, ...
     * and at end; progress receives the fraction of the horizon done after each output.
     *
     * @param bins bins per axis of the position histograms
     */
    public TopoParticleRun simulate(double end, double outputEvery, int bins, DoubleConsumer progress) {
        if (time != 0 || events != 0) {
            throw new IllegalStateException("simulate runs a fresh simulator from time 0, this one is at t = " + time);
        }
        if (!(end > 0) || !(outputEvery > 0) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("a particle run needs end > 0 and outputEvery > 0, got end = " + end
                    + ", outputEvery = " + outputEvery);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("a particle run needs at least one bin, got " + bins);
        }
        int d = particles.dimension();
        int nvel = particles.nodeCount();
        int cells = 1;
        for (int a = 0; a < d; a++) {
            cells = Math.multiplyExact(cells, bins);
        }
        // Outputs on the grid of outputEvery, the last one at end (within 1e-9 of a multiple: that multiple).
        int outputs = 1 + (int) Math.ceil(end / outputEvery - 1e-9);
        double[] times = new double[outputs];
        double[][] positionHistogram = new double[outputs][cells];
        double[][] joint = new double[outputs][cells * nvel];
        for (int o = 0; o < outputs; o++) {
            times[o] = Math.min(o * outputEvery, end);
            advance(times[o]);
            particles.histogram(times[o], bins, positionHistogram[o], joint[o]);
            progress.accept(times[o] / end);
        }
        double[] xEdges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            xEdges[b] = (double) b / bins;
        }
        double[][] velocities = new double[nvel][d];
        for (int k = 0; k < nvel; k++) {
            for (int a = 0; a < d; a++) {
                velocities[k][a] = particles.velocity(k, a);
            }
        }
        return new TopoParticleRun(times, xEdges, positionHistogram, joint, velocities, particles.size(), events,
                velocityChanges);
    }

    /** N independent draws of (x, velocity node) from f0 on the sampling grid (see the class comment). */
    static TopoParticles sample(TopoModel model, int n, SplitMix64 random) {
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
                    throw new IllegalArgumentException("f0(x, v) = " + f + " at x = " + Arrays.toString(x)
                            + ", v = " + Arrays.toString(model.velocities()[k]) + " is not finite and >= 0");
                }
                weights[cell * nvel + k] = f;
            }
        }
        AliasTable law = new AliasTable(weights);
        double[] positions = new double[n * d];
        int[] nodes = new int[n];
        for (int i = 0; i < n; i++) {
            int drawn = law.sample(random);
            nodes[i] = drawn % nvel;
            for (int a = d - 1, rest = drawn / nvel; a >= 0; a--, rest /= perAxis) {
                positions[i * d + a] = (rest % perAxis + random.nextDouble()) / perAxis;
            }
        }
        return new TopoParticles(model.velocities(), positions, nodes);
    }
}
