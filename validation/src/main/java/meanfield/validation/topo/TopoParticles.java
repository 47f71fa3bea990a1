package meanfield.validation.topo;

import meanfield.solvers.model.InvalidModelException;

import java.util.Arrays;

import meanfield.validation.random.SplitMix64;

/**
 * N particles of the topological model (MODEL.md 2.1) on the torus T^d, d = 1, 2 or 3, each
 * carrying one of the velocity nodes v_k, with the exact rank query: the particle of rank s among
 * the others ordered by torus distance to a given one at time t, ties broken uniformly at random.
 *
 * <p>Particles that share a velocity node (a <i>group</i>) move rigidly, so each particle stores its
 * co-moving coordinate y = x(t) - v_k t (mod 1), fixed between the events that change its velocity;
 * its position is x(t) = y + frac(v_k t) (mod 1). This class holds that state in flat arrays and
 * applies the events; the groups are filed in {@link CoMovingGrids}, cells of their co-moving frames
 * with prefix counts, so that nothing changes as time passes and a velocity change is one removal and
 * one insertion, O(sqrt C) counters for C cells per axis. Ranks are found from the grids' counts by
 * {@link RankQuery1d} or {@link RankQueryNd}, without sorting: O(g) per event in 1D for g velocity
 * groups present, independent of N but for cache misses, and O(sqrt(g N)) in 2D. Measured rates are
 * in benchmarks TopoParticlesRun.
 *
 * <p>The state is not thread-safe: one event stream is sequential by nature.
 */
public final class TopoParticles {
    private final int dimension;
    private final int size;
    private final int nodes;
    /** v_k as nodes x d. */
    private final double[] velocity;
    /** Co-moving coordinate y of each particle, N x d, in [0, 1). */
    private final double[] comoving;
    private final int[] node;
    /** Scratch of a velocity change: the particle's position. */
    private final double[] point;

    /** Rebuilt, not restored, by {@link #restoreState}: see there. */
    private CoMovingGrids grids;
    private RankQuery rankQuery;

    /**
     * @param velocities the velocity nodes, velocities[k] of length d
     * @param positions  x_i at time 0, N x d (reduced mod 1)
     * @param nodeOf     the velocity node of each particle
     */
    public TopoParticles(double[][] velocities, double[] positions, int[] nodeOf) {
        this.nodes = velocities.length;
        if (nodes == 0) {
            throw new IllegalArgumentException("no velocity nodes");
        }
        this.dimension = velocities[0].length;
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("the dimension must be 1, 2 or 3, got " + dimension);
        }
        this.size = nodeOf.length;
        if (size < 2) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a topological system needs at least 2 particles, got " + size);
        }
        if (positions.length != size * dimension) {
            throw new IllegalArgumentException(positions.length + " coordinates for " + size + " particles in dimension "
                    + dimension);
        }
        velocity = new double[nodes * dimension];
        for (int k = 0; k < nodes; k++) {
            if (velocities[k].length != dimension) {
                throw new IllegalArgumentException("velocity " + k + " has " + velocities[k].length
                        + " components in dimension " + dimension);
            }
            System.arraycopy(velocities[k], 0, velocity, k * dimension, dimension);
        }
        comoving = new double[size * dimension];
        for (int c = 0; c < comoving.length; c++) {
            if (!Double.isFinite(positions[c])) {
                throw new IllegalArgumentException("coordinate " + c + " of the positions is " + positions[c]);
            }
            comoving[c] = Torus.frac(positions[c]);
        }
        node = nodeOf.clone();
        for (int i = 0; i < size; i++) {
            if (node[i] < 0 || node[i] >= nodes) {
                throw new IllegalArgumentException("particle " + i + " has velocity node " + node[i] + " of " + nodes);
            }
        }
        point = new double[dimension];
        grids = new CoMovingGrids(dimension, nodes, comoving, node);
        rankQuery = RankQuery.of(grids, velocity, size);
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return size;
    }

    /** Number of velocity nodes (present or not). */
    public int nodeCount() {
        return nodes;
    }

    /** Velocity component a of node k. */
    public double velocity(int k, int a) {
        return velocity[k * dimension + a];
    }

    public int velocityNode(int i) {
        return node[i];
    }

    /** Number of particles with velocity node k. */
    public int particlesAt(int k) {
        return grids.groupSize[k];
    }

    /** Cells per axis of each group's co-moving grid. */
    public int cellsPerAxis() {
        return grids.cellsPerAxis;
    }

    /** Coordinate a of x_i(t). */
    public double position(int i, int a, double t) {
        return Torus.moved(comoving[i * dimension + a], velocity[node[i] * dimension + a], t);
    }

    /**
     * The key by which the others are ranked around particle i at time t: the minimum-image distance
     * in 1D, its square in 2D and 3D, in floating point exactly as the rank query computes it.
     */
    public double distanceKey(int i, int j, double t) {
        double key = 0;
        for (int a = 0; a < dimension; a++) {
            double gap = Torus.gap(position(i, a, t), position(j, a, t));
            key += dimension == 1 ? gap : gap * gap;
        }
        return key;
    }

    /**
     * v_i <- v_j at time t: i keeps its position and moves with the new velocity from then on.
     *
     * @return whether the velocity changed
     */
    public boolean copyVelocity(int i, int j, double t) {
        int to = node[j];
        if (to == node[i]) {
            return false;
        }
        for (int a = 0; a < dimension; a++) {
            point[a] = position(i, a, t);
        }
        grids.remove(i);
        node[i] = to;
        for (int a = 0; a < dimension; a++) {
            comoving[i * dimension + a] = Torus.wrap(point[a] - Torus.frac(velocity[to * dimension + a] * t) + 1);
        }
        grids.insert(i);
        return true;
    }

    /**
     * The particle of rank {@code rank} (1 = nearest) among the others ordered by distance to particle
     * i at time t, ties broken uniformly at random with {@code random} (drawn from only when there is a tie).
     */
    public int rankedNeighbour(int i, int rank, double t, SplitMix64 random) {
        if (rank < 1 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is outside 1.." + (size - 1));
        }
        return rankQuery.rankedNeighbour(i, rank, t, random);
    }

    /** Doubles that {@link #saveState} writes: the co-moving coordinates (N d) and velocity nodes (N). */
    int stateSize() {
        return size * (dimension + 1);
    }

    /**
     * Writes the particle state into out[at .. at + stateSize()): the co-moving coordinates as they
     * are (doubles in [0, 1), never NaN, so any writer of doubles keeps them exactly), then the
     * velocity node of each particle (small integers, exact as doubles).
     */
    void saveState(double[] out, int at) {
        System.arraycopy(comoving, 0, out, at, comoving.length);
        for (int i = 0; i < size; i++) {
            out[at + comoving.length + i] = node[i];
        }
    }

    /**
     * Continues from a state {@link #saveState} wrote (with the same N, d and number of nodes). The
     * cell grids and the rank query are rebuilt from it rather than restored: the particles are
     * filed in index order, so a cell may hold them in another order than before, the grids may
     * have another size (it follows the groups present now), and the 1D query's lab histogram starts
     * afresh. None of that changes any answer or any draw: the rank query returns the particle of the
     * wanted key, whose ties it breaks by particle index (see {@link RankQuery#selectPartner}), so
     * its result is a function of the particle state, t and the random stream alone.
     *
     * @throws IllegalArgumentException for a coordinate outside [0, 1) or a node that does not exist
     */
    void restoreState(double[] in, int at) {
        int coordinates = size * dimension;
        for (int c = 0; c < coordinates; c++) {
            double y = in[at + c];
            // A co-moving coordinate is frac or wrap of something: +0.0 up to below 1, never -0.0.
            if (!(y >= 0 && y < 1) || Double.doubleToRawLongBits(y) == Long.MIN_VALUE) {
                throw new IllegalArgumentException("co-moving coordinate " + c + " is " + y + ", not in [0, 1)");
            }
        }
        for (int i = 0; i < size; i++) {
            double k = in[at + coordinates + i];
            if (!(k >= 0 && k < nodes) || k != Math.rint(k)) {
                throw new IllegalArgumentException("particle " + i + " has velocity node " + k + " of " + nodes);
            }
        }
        System.arraycopy(in, at, comoving, 0, coordinates);
        for (int i = 0; i < size; i++) {
            node[i] = (int) in[at + coordinates + i];
        }
        grids = new CoMovingGrids(dimension, nodes, comoving, node);
        rankQuery = RankQuery.of(grids, velocity, size);
    }

    /**
     * Position masses at time t: positionMass[bin] and jointMass[bin * nodes + k], bins^d bins of
     * equal width per axis indexed row-major with the first axis slowest; each particle weighs 1/N.
     */
    public void histogram(double t, int bins, double[] positionMass, double[] jointMass) {
        Arrays.fill(positionMass, 0.0);
        Arrays.fill(jointMass, 0.0);
        double[] shift = new double[nodes * dimension];
        for (int c = 0; c < shift.length; c++) {
            shift[c] = Torus.frac(velocity[c] * t);
        }
        double mass = 1.0 / size;
        for (int i = 0; i < size; i++) {
            int k = node[i];
            int bin = 0;
            for (int a = 0; a < dimension; a++) {
                double p = Torus.wrap(comoving[i * dimension + a] + shift[k * dimension + a]);
                bin = bin * bins + (int) (p * bins);
            }
            positionMass[bin] += mass;
            jointMass[bin * nodes + k] += mass;
        }
    }
}
