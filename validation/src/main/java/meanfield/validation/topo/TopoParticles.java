package meanfield.validation.topo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * N particles of the topological model (MODEL.md 2.1) on the torus T^d, d = 1, 2 or 3, each
 * carrying one of the velocity nodes v_k, with the exact rank query: the particle of rank s among
 * the others ordered by torus distance to a given one at time t, ties broken uniformly at random.
 *
 * <p><b>Representation.</b> Particles that share a velocity node (a <i>group</i>) move rigidly, so
 * each particle stores its co-moving coordinate y = x(t) - v_k t (mod 1), fixed between the events
 * that change its velocity; its position is x(t) = y + frac(v_k t) (mod 1). Each group keeps its
 * particles in a grid of C^d cells of its co-moving frame (C a power of two, the same for all
 * groups). A cell stores its first {@value #SLOTS} particles inline (their co-moving coordinates in
 * one array and their indices in another, cell after cell, so that the cells a query reads are
 * contiguous memory rather than a chase through particle arrays; an empty slot has a negative
 * coordinate, so the 1D query reads the coordinates alone) and chains the rest through a primitive
 * array; the cell counts are kept in two-level prefix sums along the first axis, so the number of
 * particles in any run of cells of a row is two loads and moving one particle updates O(sqrt C)
 * counters. Nothing changes as time passes except the shifts frac(v_k t); a velocity change is one
 * removal and one insertion, O(sqrt C). In 1D a lab-frame histogram of all particles, rebuilt from
 * the block counts as the groups move, gives the radius search its first guess.
 *
 * <p><b>Rank query.</b> Distances are compared by their floating-point key: the minimum-image
 * distance in 1D and its square sum_a |x_a - y_a|^2 in 2D and 3D (see {@link #distanceKey}); the
 * answer is the particle of the wanted rank in that order, exactly. For a radius r, whole cells
 * are classified by their distance bounds with a margin of {@value #MARGIN}, far above round-off:
 * L(r) counts the particles of cells certainly inside the ball of radius r, U(r) those of cells that
 * may meet it, so L(r) <= #(key <= r) <= U(r). A safeguarded search on r finds lo with
 * U(lo) < target and hi with L(hi) >= target, the target being the order statistic s + 1 among all
 * N (the particle itself has key 0). In 2D and 3D it takes secant steps in the variable r^d, where
 * the count is nearly linear, counting by blocks of cells (small arrays that stay in cache) until r
 * is within a block of the answer, then by cells; in 1D it starts by cells from the guess of the lab
 * histogram and takes Newton steps on the count with the partially covered cells taken pro rata
 * (see {@link #scan1d}). Any guess will do, as lo and hi come from exact bounds (with bisection when
 * a guess leaves them). It stops as soon as r is within a cell of the answer: a cell that may meet
 * the ball of radius r - w, w the cell diameter, lies inside the ball of radius r, so (r - w, r + w)
 * brackets. The particle sought then lies in a cell between the two balls; those cells are
 * enumerated, their keys computed exactly, and the wanted one is selected among them
 * (quickselect), a tie being broken uniformly among all particles with the same key. The cells
 * certainly inside the inner ball are only counted.
 *
 * <p><b>Cost per query</b>, with g the number of groups still present and C^d about N / (g OCCUPANCY)
 * cells per group: each evaluation of (L, U) costs O(g) prefix lookups in 1D and O(g C) in 2D
 * (O(g C^2) in 3D: one run per row of cells met by the ball); the search takes a handful of
 * evaluations (in 1D with N = 10^6, by cells only: about 2.2 for g = 32, 3.7 for g = 4 and 4.6 for
 * g = 2, where the boundary cells are mostly empty and rarely straddle the target); the final
 * enumeration visits the cells that the bracket crosses, about 6 g cells and 6 g OCCUPANCY particles
 * in 1D, and in 2D an annulus about 4 sqrt(2) cells wide, O(sqrt(g N)) particles. A velocity change
 * updates O(sqrt C) counters (about 1500 per link or unlink at g = 2, N = 10^6, C = 2^21; a third
 * prefix level, cutting that to a few hundred, gained nothing, each prefix then costing a third
 * load). The lab histogram costs O(g C^(1/2)) per rebuild, every C^(-1/2) / (4 max|v|) in time.
 * So O(g) per event in 1D, independent of N but for cache misses (a few cache lines per group and
 * event, overlapped by batching the loads), and O(sqrt(g N)) in 2D. Measured on a 2-core shared
 * machine (thread CPU time, P2 with g velocity nodes, benchmarks TopoParticlesRun; the load of the
 * machine moves these by 10-20%):
 * 1D, g = 32: about 1.1e5 events/s at N = 10^4, where all fits in L2 and the time is the
 * arithmetic per group and evaluation (the final enumeration about half of it), and 4.5e4 to 5e4
 * events/s at N = 10^6, where cache misses take more than half; at N = 10^6, g = 4: 1.6e5 to
 * 2.2e5 events/s and g = 2: 2.3e5 to 2.7e5; 2D P3 (g = 16) about 3e3 events/s at N = 10^4.
 * Sorting is never needed.
 *
 * <p>The state is not thread-safe: one event stream is sequential by nature.
 */
public final class TopoParticles {
    /**
     * Distance margin of the whole-cell classification. Positions, keys and cell bounds carry
     * round-off of order 1e-16; the margin only has to exceed it, and it is far below a cell width.
     */
    private static final double MARGIN = 1e-12;
    /**
     * Particles per cell aimed at when the grid is chosen (mean over the groups present at the start).
     * A query reads all particles of the cells its final bracket crosses, about 6 g OCCUPANCY of them
     * (g groups), so smaller is faster until memory, C^d (SLOTS (8 d + 4) + 8) bytes per group, tells.
     * In 1D P2 (g = 32), paired runs found 0.25 with 2 slots best: 0.125 with 1 slot, 0.5 with 2 or 3
     * and 1 with 4 were 0 to 25% slower at N = 10^6 and up to 70% at N = 10^4.
     */
    private static final double OCCUPANCY = 0.25;
    /** Particles stored inline per cell; the few beyond go to the cell's overflow chain. */
    private static final int SLOTS = 2;
    /** First co-moving coordinate of an empty slot: negative, where real ones are in [0, 1). */
    private static final double EMPTY = -1.0;
    /** Safeguard on the radius search; it needs far fewer (about 20 even by pure bisection). */
    private static final int MAX_SEARCH_STEPS = 200;

    private final int dimension;
    private final int size;
    private final int nodes;
    /** v_k as nodes x d. */
    private final double[] velocity;

    /** Co-moving coordinate y of each particle, N x d, in [0, 1). */
    private final double[] comoving;
    private final int[] node;
    /** Index of the particle's cell in its group's grid. */
    private final int[] cellOf;
    /** Overflow chains: the next particle of the same cell beyond its slots, -1 at the end. */
    private final int[] next;

    /** Cells per axis C, a power of two, and its log2. */
    private final int cellsPerAxis;
    private final int axisBits;
    /** Rows of cells along the first axis: C^(d-1). */
    private final int rows;
    /** Prefix sums are split in blocks of 2^blockBits cells along a row. */
    private final int blockBits;
    private final int blocksPerRow;
    /**
     * Per group (null for a group empty at the start: the set of velocities present never grows):
     * the inline particles of cell c in slots c SLOTS + s, filled slots first, -1 when empty, with
     * their co-moving coordinates at ((c SLOTS + s) d + a), the first one {@value #EMPTY} for an empty
     * slot; the first overflow particle of each cell.
     */
    private final int[][] slotParticle;
    private final double[][] slotCoordinate;
    private final int[][] overflow;
    /**
     * The prefix counts of all groups in one array, so that a planned lookup is a single index:
     * from blockBase[k] + row (blocks + 1) + b, the particles of group k in the blocks of the row
     * before block b (at b = blocks, the row total); from cellBase[k] + row (C + 1) + c, those in the
     * cells of the same block before cell c (0 at c = C).
     */
    private final int[] counts;
    private final int[] blockBase;
    private final int[] cellBase;
    private final int[] nodeSize;
    /** Groups with particles, in increasing node order, and how many. */
    private final int[] active;
    private int activeCount;

    // Scratch of one query, indexed by the position of a group in the active list.
    private final double[] query;
    private final double[] shift;
    private final double[] target;
    /** Squared per-axis distance bounds of the cells of axes 1..d-1: [(slot (d - 1) + a - 1) C + c]. */
    private final double[] axisMin2;
    private final double[] axisMax2;
    /**
     * 1D: all particles in a lab-frame histogram of blocksPerRow bins, as cumulative counts
     * (labCumulative[m] = particles in the bins before m): the block counts of every group moved by
     * its shift at labTime, each block split pro rata between the two bins it straddles. It only
     * gives the radius search its first guess and slope, good to a few cells (a count by blocks
     * would cost O(g) per query), so it is rebuilt, O(g blocksPerRow), only once the groups have
     * moved by a quarter of a bin since labTime; velocity changes in between leave it slightly off.
     */
    private final double[] labCumulative;
    private final double[] labBin;
    private double labTime = Double.NaN;
    /** max_k |v_k| in 1D: how fast the lab histogram ages. */
    private final double maxSpeed;
    private double[] candidateKey = new double[64];
    /**
     * Where each candidate is: (slot in the active list << 32) | its inline slot in that group, or
     * ~j for particle j given directly. The 1D scan reads only co-moving coordinates, not particle
     * indices (one cache line fewer per cell run), and only the selected candidates are resolved.
     */
    private long[] candidate = new long[64];
    private int candidates;
    private int innerCount;
    private int possibleCount;
    /**
     * 1D, from the last count (not collect): the count at the radius with the cells possible but not
     * inner taken pro rata to the part of them inside the ball.
     */
    private double estimate;
    private final Lookups innerLookups = new Lookups();
    private final Lookups possibleLookups = new Lookups();
    /** Runs of cells (slot, row, first, last) that the final scan reads. */
    private int runs;
    private int[] runSlot = new int[64];
    private int[] runRow = new int[64];
    private int[] runLo = new int[64];
    private int[] runHi = new int[64];
    /** Written by {@link #touchRuns} and never read. */
    @SuppressWarnings("unused")
    private long touched;

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
            throw new IllegalArgumentException("a topological system needs at least 2 particles, got " + size);
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
            comoving[c] = frac(positions[c]);
        }
        node = nodeOf.clone();
        nodeSize = new int[nodes];
        for (int i = 0; i < size; i++) {
            if (node[i] < 0 || node[i] >= nodes) {
                throw new IllegalArgumentException("particle " + i + " has velocity node " + node[i] + " of " + nodes);
            }
            nodeSize[node[i]]++;
        }
        active = new int[nodes];
        for (int k = 0; k < nodes; k++) {
            if (nodeSize[k] > 0) {
                active[activeCount++] = k;
            }
        }

        double cellsPerGroup = Math.max(1.0, size / (activeCount * OCCUPANCY));
        int bits = (int) Math.round(Math.log(cellsPerGroup) / Math.log(2) / dimension);
        axisBits = Math.max(2, Math.min(bits, 24 / dimension));
        cellsPerAxis = 1 << axisBits;
        rows = 1 << (axisBits * (dimension - 1));
        blockBits = (axisBits + 1) / 2;
        blocksPerRow = cellsPerAxis >> blockBits;
        slotParticle = new int[nodes][];
        slotCoordinate = new double[nodes][];
        overflow = new int[nodes][];
        blockBase = new int[nodes];
        cellBase = new int[nodes];
        long countsSize = 0;
        for (int q = 0; q < activeCount; q++) {
            blockBase[active[q]] = (int) countsSize;
            countsSize += (long) rows * (blocksPerRow + 1);
            cellBase[active[q]] = (int) countsSize;
            countsSize += (long) rows * (cellsPerAxis + 1);
        }
        if (countsSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(size + " particles in " + activeCount + " velocity groups need more "
                    + "cell counters than an array holds");
        }
        counts = new int[(int) countsSize];
        for (int q = 0; q < activeCount; q++) {
            int k = active[q];
            int cells = rows * cellsPerAxis;
            slotParticle[k] = new int[cells * SLOTS];
            Arrays.fill(slotParticle[k], -1);
            slotCoordinate[k] = new double[cells * SLOTS * dimension];
            for (int c = 0; c < cells * SLOTS; c++) {
                slotCoordinate[k][c * dimension] = EMPTY;
            }
            overflow[k] = new int[cells];
            Arrays.fill(overflow[k], -1);
        }
        cellOf = new int[size];
        next = new int[size];
        for (int i = 0; i < size; i++) {
            link(i);
        }

        query = new double[dimension];
        shift = new double[nodes * dimension];
        target = new double[nodes * dimension];
        axisMin2 = new double[nodes * (dimension - 1) * cellsPerAxis];
        axisMax2 = new double[nodes * (dimension - 1) * cellsPerAxis];
        labCumulative = new double[dimension == 1 ? blocksPerRow + 1 : 0];
        labBin = new double[dimension == 1 ? blocksPerRow : 0];
        double fastest = 0;
        for (int k = 0; dimension == 1 && k < nodes; k++) {
            fastest = Math.max(fastest, Math.abs(velocity[k]));
        }
        maxSpeed = fastest;
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
        return nodeSize[k];
    }

    /** Cells per axis of each group's co-moving grid. */
    public int cellsPerAxis() {
        return cellsPerAxis;
    }

    /** Coordinate a of x_i(t). */
    public double position(int i, int a, double t) {
        return wrap(comoving[i * dimension + a] + frac(velocity[node[i] * dimension + a] * t));
    }

    /**
     * The key by which the others are ranked around particle i at time t: the minimum-image distance
     * in 1D, its square in 2D and 3D, in floating point exactly as the rank query computes it.
     */
    public double distanceKey(int i, int j, double t) {
        double key = 0;
        for (int a = 0; a < dimension; a++) {
            double gap = gap(position(i, a, t), position(j, a, t));
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
        int from = node[i];
        if (to == from) {
            return false;
        }
        for (int a = 0; a < dimension; a++) {
            query[a] = position(i, a, t);
        }
        unlink(i);
        if (--nodeSize[from] == 0) {
            deactivate(from);
        }
        node[i] = to;
        nodeSize[to]++;
        for (int a = 0; a < dimension; a++) {
            comoving[i * dimension + a] = wrap(query[a] - frac(velocity[to * dimension + a] * t) + 1);
        }
        link(i);
        return true;
    }

    /**
     * The particle of rank {@code rank} (1 = nearest) among the others ordered by distance to particle
     * i at time t, ties broken uniformly at random with {@code random} (drawn from only when there is a tie).
     */
    public int rankedNeighbour(int i, int rank, double t, SplittableRandom random) {
        if (rank < 1 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is outside 1.." + (size - 1));
        }
        prepare(i, t);
        int wanted = rank + 1;
        double h = 1.0 / cellsPerAxis;
        double cellReach = h * Math.sqrt(dimension) + 4 * MARGIN;
        double blockReach = Math.sqrt(1.0 / ((double) blocksPerRow * blocksPerRow) + (dimension - 1) * h * h)
                + 4 * MARGIN;
        double maxRadius = 0.5 * Math.sqrt(dimension);
        double lo = -1;
        double hi = maxRadius + 1e-6;
        // In 2D and 3D the search runs on block counts (small arrays that stay in cache) until r is
        // within a block of the answer, then on cell counts, by secant steps in z = r^d through the
        // last two evaluations, starting from (0, 1): particle i alone. In 1D it runs on cell counts
        // from the guess of the lab histogram (see labCumulative), a few cells off, by Newton steps
        // on the pro-rata count (see scan1d) with the histogram's slope there. Either is only a
        // guess: the bracket (lo, hi) is kept from exact bounds, with bisection whenever a guess
        // leaves it.
        boolean blocks = dimension > 1;
        double reach = blocks ? blockReach : cellReach;
        double zPrevious = 0;
        double countPrevious = 1;
        double r;
        double slope = 0;
        if (dimension == 1) {
            r = labRadius(wanted, t);
            slope = labDensity(query[0] + r) + labDensity(query[0] - r);
        } else {
            r = Math.min(uniformRadius(wanted), 0.5 * maxRadius);
        }
        for (int step = 0; step < MAX_SEARCH_STEPS; step++) {
            scan(r, r, false, blocks);
            if (possibleCount < wanted) {
                lo = r;
            } else if (innerCount >= wanted) {
                hi = r;
            } else {
                // r is within a block (cell) of the answer: a block (cell) possible at r - reach lies
                // inside the ball of radius r, so U(r - reach) <= L(r) < wanted; likewise L(r + reach) >= wanted.
                lo = Math.max(lo, r - reach);
                hi = Math.min(hi, r + reach);
                if (!blocks) {
                    break;
                }
                // Same r again, counted by cells.
                blocks = false;
                reach = cellReach;
                continue;
            }
            if (hi - lo <= 2 * reach) {
                if (!blocks) {
                    break;
                }
                blocks = false;
                reach = cellReach;
            }
            double guess;
            if (dimension == 1 && slope > 0) {
                guess = r + (wanted - estimate) / slope;
            } else {
                double count = 0.5 * ((double) innerCount + possibleCount);
                double z = volumeVariable(r);
                double secant = (count - countPrevious) / (z - zPrevious);
                guess = secant > 0 ? radiusOf(z + (wanted - count) / secant) : Double.NaN;
                zPrevious = z;
                countPrevious = count;
            }
            double left = Math.max(lo, 0);
            double right = Math.min(hi, maxRadius);
            boolean inside = guess > left && guess < right;
            r = inside ? guess : 0.5 * (left + right);
        }
        int j = partnerIn(i, wanted, lo, hi, random);
        if (j < 0) {
            throw new IllegalStateException("rank query lost its bracket: particle " + i + ", rank " + rank
                    + ", t = " + t + ", radii " + lo + ".." + hi);
        }
        return j;
    }

    /**
     * The particle holding order statistic `wanted` (particle i included) if its key lies in the
     * bracket (lo, hi] of radii, a tie broken at random; -1 if it does not. Exact either way: cells
     * inner at lo hold keys below lo, cells not possible at hi keys above hi, and the keys of all
     * others are computed, so F(lo) and F(hi) are known exactly and the bracket is checked, not assumed.
     */
    private int partnerIn(int i, int wanted, double lo, double hi, SplittableRandom random) {
        scan(lo, hi, true, false);
        double keyLo = lo < 0 ? -1 : dimension == 1 ? lo : lo * lo;
        double keyHi = dimension == 1 ? hi : hi * hi;
        int below = innerCount;
        int upTo = innerCount;
        for (int c = 0; c < candidates; c++) {
            below += candidateKey[c] <= keyLo ? 1 : 0;
            upTo += candidateKey[c] <= keyHi ? 1 : 0;
        }
        if (below >= wanted || upTo < wanted) {
            return -1;
        }
        int k = wanted - innerCount - 1;
        select(k);
        double key = candidateKey[k];
        int ties = 0;
        for (int c = 0; c < candidates; c++) {
            if (candidateKey[c] == key && particleOf(candidate[c]) != i) {
                ties++;
            }
        }
        int pick = ties == 1 ? 0 : random.nextInt(ties);
        for (int c = 0; c < candidates; c++) {
            if (candidateKey[c] == key && particleOf(candidate[c]) != i && pick-- == 0) {
                return particleOf(candidate[c]);
            }
        }
        throw new IllegalStateException("no particle at the selected distance");
    }

    /** The particle a candidate entry stands for (see {@link #candidate}). */
    private int particleOf(long where) {
        return where < 0 ? (int) ~where : slotParticle[active[(int) (where >>> 32)]][(int) where];
    }

    /**
     * Position masses at time t: positionMass[bin] and jointMass[bin * nodes + k], bins^d bins of
     * equal width per axis indexed row-major with the first axis slowest; each particle weighs 1/N.
     */
    public void histogram(double t, int bins, double[] positionMass, double[] jointMass) {
        Arrays.fill(positionMass, 0.0);
        Arrays.fill(jointMass, 0.0);
        for (int k = 0; k < nodes; k++) {
            for (int a = 0; a < dimension; a++) {
                shift[k * dimension + a] = frac(velocity[k * dimension + a] * t);
            }
        }
        double mass = 1.0 / size;
        for (int i = 0; i < size; i++) {
            int k = node[i];
            int bin = 0;
            for (int a = 0; a < dimension; a++) {
                double p = wrap(comoving[i * dimension + a] + shift[k * dimension + a]);
                bin = bin * bins + (int) (p * bins);
            }
            positionMass[bin] += mass;
            jointMass[bin * nodes + k] += mass;
        }
    }

    /** Shifts and co-moving query points of every group present, and the per-axis cell bounds. */
    private void prepare(int i, double t) {
        for (int a = 0; a < dimension; a++) {
            query[a] = position(i, a, t);
        }
        int perpendicular = dimension - 1;
        double h = 1.0 / cellsPerAxis;
        for (int slot = 0; slot < activeCount; slot++) {
            int k = active[slot];
            for (int a = 0; a < dimension; a++) {
                double s = frac(velocity[k * dimension + a] * t);
                shift[slot * dimension + a] = s;
                double u = wrap(query[a] - s + 1);
                target[slot * dimension + a] = u;
                if (a > 0) {
                    int base = ((slot * perpendicular) + a - 1) * cellsPerAxis;
                    double antipode = wrap(u + 0.5);
                    for (int c = 0; c < cellsPerAxis; c++) {
                        double left = c * h;
                        double right = left + h;
                        double toLeft = torus(u - left);
                        double toRight = torus(u - right);
                        double min = u >= left && u <= right ? 0 : Math.min(toLeft, toRight);
                        double max = antipode >= left && antipode <= right ? 0.5 : Math.max(toLeft, toRight);
                        axisMin2[base + c] = min * min;
                        axisMax2[base + c] = max * max;
                    }
                }
            }
        }
    }

    /**
     * Over the groups present and the rows of cells: innerCount = particles in cells certainly
     * closer than rIn, possibleCount = particles in cells that may be within rOut; with collect, the
     * particles of the cells possible at rOut but not inner at rIn become the candidates, with keys.
     * With blocks, runs of 2^blockBits cells along the first axis take the place of cells (no collect).
     */
    private void scan(double rIn, double rOut, boolean collect, boolean blocks) {
        if (dimension == 1) {
            // The 1D search never counts by blocks: the lab histogram takes their place.
            scan1d(rIn, rOut, collect);
            return;
        }
        innerLookups.clear();
        possibleLookups.clear();
        runs = 0;
        candidates = 0;
        double in = rIn - MARGIN;
        double out = rOut + MARGIN;
        double in2 = in > 0 ? in * in : -1;
        double out2 = out * out;
        int perpendicular = dimension - 1;
        for (int slot = 0; slot < activeCount; slot++) {
            double u = target[slot * dimension];
            if (dimension == 1) {
                planRow(slot, 0, u, in, out, collect, blocks);
                continue;
            }
            int base1 = (slot * perpendicular) * cellsPerAxis;
            for (int row = 0; row < rows; row++) {
                int c1 = row & (cellsPerAxis - 1);
                double min2 = axisMin2[base1 + c1];
                double max2 = axisMax2[base1 + c1];
                if (dimension == 3) {
                    int c2 = row >> axisBits;
                    min2 += axisMin2[base1 + cellsPerAxis + c2];
                    max2 += axisMax2[base1 + cellsPerAxis + c2];
                }
                if (min2 > out2) {
                    continue;
                }
                double halfIn = in2 > max2 ? Math.sqrt(in2 - max2) : -1;
                planRow(slot, row, u, halfIn, Math.sqrt(out2 - min2), collect, blocks);
            }
        }
        innerCount = innerLookups.gather(counts);
        possibleCount = possibleLookups.gather(counts);
        if (runs > 0) {
            touchRuns();
        }
        for (int run = 0; run < runs; run++) {
            collectRun(runSlot[run], runRow[run], runLo[run], runHi[run]);
        }
    }

    /**
     * The 1D case of {@link #scan}, by cells, the hot path of the simulator: one row per group, so
     * each count is a difference of two prefix sums computed in place, without planned lookups or
     * branches on the loaded counts (the loads of all groups stay independent and their misses
     * overlap). The cells of a group are indexed unwrapped, from -C to 2C; see {@link #prefix1d}.
     * Without collect, also the pro-rata {@link #estimate}.
     */
    private void scan1d(double rIn, double rOut, boolean collect) {
        runs = 0;
        candidates = 0;
        double in = rIn - MARGIN;
        double out = rOut + MARGIN;
        int units = cellsPerAxis;
        // An arc at least as long as the torus holds every cell (as in planRow).
        boolean innerAll = 2 * in >= 1;
        boolean possibleAll = 2 * out >= 1;
        int inner = 0;
        int possible = 0;
        double pro = 0;
        double arc = Math.min(units, 2 * rOut * units);
        for (int slot = 0; slot < activeCount; slot++) {
            int k = active[slot];
            double u = target[slot];
            int total = nodeSize[k];
            // Inner cells lie in the arc (u - in, u + in): innerLo .. innerEnd - 1, none if in <= 0
            // (then innerEnd <= innerLo); possible ones meet [u - out, u + out].
            int innerLo = innerAll ? 0 : (int) Math.ceil((u - in) * units);
            int innerEnd = innerAll ? units : (int) Math.floor((u + in) * units);
            int possibleLo = possibleAll ? 0 : (int) Math.floor((u - out) * units);
            int possibleEnd = possibleAll ? units : (int) Math.floor((u + out) * units) + 1;
            // A run of at least C cells is the whole row, and its prefix difference is >= total.
            int innerHere = Math.max(0, Math.min(total, prefix1d(k, innerEnd, total) - prefix1d(k, innerLo, total)));
            inner += innerHere;
            if (collect) {
                planRuns1d(slot, innerLo, innerEnd, possibleLo, possibleEnd);
            } else {
                int possibleHere = Math.min(total, prefix1d(k, possibleEnd, total) - prefix1d(k, possibleLo, total));
                possible += possibleHere;
                // The partial cells, as if their particles were spread uniformly over them: the part
                // inside the arc counts pro rata.
                int innerSpan = Math.max(0, Math.min(units, innerEnd - innerLo));
                int partialSpan = Math.min(units, possibleEnd - possibleLo) - innerSpan;
                double share = partialSpan > 0 ? Math.max(0, Math.min(1, (arc - innerSpan) / partialSpan)) : 0;
                pro += innerHere + (possibleHere - innerHere) * share;
            }
        }
        estimate = pro;
        innerCount = inner;
        possibleCount = possible;
        if (runs > 0) {
            touchRuns();
        }
        for (int run = 0; run < runs; run++) {
            collectRun1d(runSlot[run], runLo[run], runHi[run]);
        }
    }

    /**
     * The cells possible but not inner of one group as runs to read (unwrapped indices): all the
     * possible ones if none is inner, else those on either side of the inner arc, or the complement
     * of the inner arc when the possible ones go round the torus.
     */
    private void planRuns1d(int slot, int innerLo, int innerEnd, int possibleLo, int possibleEnd) {
        if (innerEnd - innerLo >= cellsPerAxis) {
            return;
        }
        if (possibleEnd - possibleLo >= cellsPerAxis) {
            possibleLo = 0;
            possibleEnd = cellsPerAxis;
        }
        if (innerEnd <= innerLo) {
            addRun(slot, 0, possibleLo, possibleEnd - 1);
        } else if (possibleEnd - possibleLo >= cellsPerAxis) {
            addRun(slot, 0, innerEnd, innerLo - 1 + cellsPerAxis);
        } else {
            addRun(slot, 0, possibleLo, innerLo - 1);
            addRun(slot, 0, innerEnd, possibleEnd - 1);
        }
    }

    /**
     * The particles of group k in cells 0..c-1 of its 1D row unrolled over [-C, 2C) (negative for
     * c < 0): the prefix of c mod C plus a row total per turn, so that the count of any run of
     * cells, wrapped or not, is one difference of two prefixes.
     */
    private int prefix1d(int k, int c, int total) {
        int wrapped = c & (cellsPerAxis - 1);
        int turns = c >> axisBits;
        return counts[blockBase[k] + (wrapped >> blockBits)] + counts[cellBase[k] + wrapped] + turns * total;
    }

    /**
     * Loads the start of every run's slots in one loop before any is read, so that their cache misses
     * overlap (Java has no prefetch instruction); the sum only keeps the loads from being dropped.
     */
    private void touchRuns() {
        long sum = 0;
        for (int run = 0; run < runs; run++) {
            int k = active[runSlot[run]];
            int rowStart = runRow[run] * cellsPerAxis;
            int first = (rowStart + (runLo[run] & (cellsPerAxis - 1))) * SLOTS;
            int last = (rowStart + (runHi[run] & (cellsPerAxis - 1))) * SLOTS + SLOTS - 1;
            sum += (long) slotCoordinate[k][first * dimension] + (long) slotCoordinate[k][last * dimension];
        }
        touched = sum;
    }

    /**
     * Plans one row of cells along the first axis around the co-moving point u: inner cells lie in
     * the arc (u - halfIn, u + halfIn) (none if halfIn <= 0), possible cells meet
     * [u - halfOut, u + halfOut]. Their counts become prefix lookups and, with collect, the cells
     * possible but not inner become runs to read; nothing is loaded here, so that the scan can issue
     * all loads of all groups together. Runs are kept in unwrapped indices and reduced mod C when
     * used. With blocks, the units are the blocks of the row rather than its cells.
     */
    private void planRow(int slot, int row, double u, double halfIn, double halfOut, boolean collect,
            boolean blocks) {
        int k = active[slot];
        int units = blocks ? blocksPerRow : cellsPerAxis;
        boolean innerAll = 2 * halfIn >= 1;
        int innerLo = 0;
        int innerHi = -1;
        if (!innerAll && halfIn > 0) {
            innerLo = (int) Math.ceil((u - halfIn) * units);
            innerHi = (int) Math.floor((u + halfIn) * units) - 1;
            innerAll = innerHi - innerLo + 1 >= units;
        }
        if (innerAll) {
            int rowTotal = blockBase[k] + row * (blocksPerRow + 1) + blocksPerRow;
            innerLookups.add(rowTotal, 1);
            possibleLookups.add(rowTotal, 1);
            return;
        }
        boolean possibleAll = 2 * halfOut >= 1;
        int possibleLo = 0;
        int possibleHi = units - 1;
        if (!possibleAll) {
            possibleLo = (int) Math.floor((u - halfOut) * units);
            possibleHi = (int) Math.floor((u + halfOut) * units);
            if (possibleHi - possibleLo + 1 >= units) {
                possibleAll = true;
                possibleLo = 0;
                possibleHi = units - 1;
            }
        }
        boolean innerEmpty = innerHi < innerLo;
        if (!innerEmpty) {
            planRun(innerLookups, k, row, innerLo, innerHi, blocks);
        }
        if (!collect) {
            planRun(possibleLookups, k, row, possibleLo, possibleHi, blocks);
        } else if (innerEmpty) {
            addRun(slot, row, possibleLo, possibleHi);
        } else if (possibleAll) {
            addRun(slot, row, innerHi + 1, innerLo - 1 + cellsPerAxis);
        } else {
            addRun(slot, row, possibleLo, innerLo - 1);
            addRun(slot, row, innerHi + 1, possibleHi);
        }
    }

    /** The count of units lo..hi (unwrapped, at most a row of them) of a row of group k as prefix lookups. */
    private void planRun(Lookups lookups, int k, int row, int lo, int hi, boolean blocks) {
        int units = blocks ? blocksPerRow : cellsPerAxis;
        int start = lo & (units - 1);
        int end = start + (hi - lo) + 1;
        if (end <= units) {
            planPrefix(lookups, k, row, end, 1, blocks);
        } else {
            planPrefix(lookups, k, row, units, 1, blocks);
            planPrefix(lookups, k, row, end - units, 1, blocks);
        }
        planPrefix(lookups, k, row, start, -1, blocks);
    }

    /**
     * sign times the particles in units 0..c-1 of a row of group k, 0 <= c <= units: the blocks
     * before, plus for cells those of the cell's block before it (zero at a block's first cell).
     */
    private void planPrefix(Lookups lookups, int k, int row, int c, int sign, boolean blocks) {
        int blockRow = blockBase[k] + row * (blocksPerRow + 1);
        if (blocks) {
            lookups.add(blockRow + c, sign);
        } else {
            lookups.add(blockRow + (c >> blockBits), sign);
            lookups.add(cellBase[k] + row * (cellsPerAxis + 1) + c, sign);
        }
    }

    private void addRun(int slot, int row, int lo, int hi) {
        if (runs == runSlot.length) {
            runSlot = Arrays.copyOf(runSlot, 2 * runs);
            runRow = Arrays.copyOf(runRow, 2 * runs);
            runLo = Arrays.copyOf(runLo, 2 * runs);
            runHi = Arrays.copyOf(runHi, 2 * runs);
        }
        runSlot[runs] = slot;
        runRow[runs] = row;
        runLo[runs] = lo;
        runHi[runs++] = hi;
    }

    /**
     * Prefix-count lookups planned by a scan, as indices into the counts added or subtracted, summed
     * in one loop. Their loads are independent, so the processor overlaps their cache misses (at
     * N = 10^6 the counts are far larger than the caches); made group by group between branches,
     * they would wait for each other.
     */
    private static final class Lookups {
        private int added;
        private int subtracted;
        private int[] plus = new int[64];
        private int[] minus = new int[64];

        void clear() {
            added = 0;
            subtracted = 0;
        }

        void add(int index, int sign) {
            if (sign > 0) {
                if (added == plus.length) {
                    plus = Arrays.copyOf(plus, 2 * added);
                }
                plus[added++] = index;
            } else {
                if (subtracted == minus.length) {
                    minus = Arrays.copyOf(minus, 2 * subtracted);
                }
                minus[subtracted++] = index;
            }
        }

        int gather(int[] counts) {
            int sum = 0;
            for (int q = 0; q < added; q++) {
                sum += counts[plus[q]];
            }
            for (int q = 0; q < subtracted; q++) {
                sum -= counts[minus[q]];
            }
            return sum;
        }
    }

    /** Appends the particles of cells lo..hi (unwrapped) of a row of the group in this slot, with their keys. */
    private void collectRun(int slot, int row, int lo, int hi) {
        int k = active[slot];
        int[] particles = slotParticle[k];
        double[] coordinates = slotCoordinate[k];
        int rowStart = row * cellsPerAxis;
        if (dimension == 1) {
            collectRun1d(slot, lo, hi);
            return;
        }
        for (int c = lo; c <= hi; c++) {
            int cell = rowStart + (c & (cellsPerAxis - 1));
            for (int s = cell * SLOTS, end = s + SLOTS; s < end && particles[s] >= 0; s++) {
                addCandidate(particles[s], key(coordinates, s * dimension, slot));
            }
            // Slots fill first, so only a cell with its last slot taken can have an overflow chain.
            if (particles[cell * SLOTS + SLOTS - 1] >= 0) {
                for (int j = overflow[k][cell]; j >= 0; j = next[j]) {
                    addCandidate(j, key(comoving, j * dimension, slot));
                }
            }
        }
    }

    /**
     * The 1D case of {@link #collectRun}, the hot loop of the simulator. Most cells are empty or
     * half full, which makes per-slot branches unpredictable: every slot's key is written and the
     * count advances only for an occupied slot (coordinate {@value #EMPTY} marks a free one; a real
     * one is never -0.0, as frac and wrap return +0.0), without a branch. Only the coordinates are
     * read: the particle indices wait in their own array until a candidate is selected.
     */
    private void collectRun1d(int slot, int lo, int hi) {
        int k = active[slot];
        double[] coordinates = slotCoordinate[k];
        double x = query[0];
        double s0 = shift[slot];
        long where = (long) slot << 32;
        reserve((hi - lo + 1) * SLOTS);
        int m = candidates;
        for (int c = lo; c <= hi; c++) {
            int first = (c & (cellsPerAxis - 1)) * SLOTS;
            for (int s = first; s < first + SLOTS; s++) {
                double y = coordinates[s];
                candidate[m] = where | s;
                candidateKey[m] = gap(x, wrap(y + s0));
                // 1 for a filled slot (y >= 0), 0 for an empty one (EMPTY has the sign bit).
                m += (int) (~Double.doubleToRawLongBits(y) >>> 63);
            }
            if (coordinates[first + SLOTS - 1] >= 0) {
                candidates = m;
                for (int j = overflow[k][first / SLOTS]; j >= 0; j = next[j]) {
                    addCandidate(j, gap(x, wrap(comoving[j] + s0)));
                }
                reserve((hi - c) * SLOTS);
                m = candidates;
            }
        }
        candidates = m;
    }

    /** Room for `more` candidates beyond those collected. */
    private void reserve(int more) {
        if (candidates + more > candidate.length) {
            int capacity = Math.max(2 * candidate.length, candidates + more);
            candidate = Arrays.copyOf(candidate, capacity);
            candidateKey = Arrays.copyOf(candidateKey, capacity);
        }
    }

    /** The key of the particle with co-moving coordinates y[from..from+d) in the group of this slot. */
    private double key(double[] y, int from, int slot) {
        double key = 0;
        for (int a = 0; a < dimension; a++) {
            double gap = gap(query[a], wrap(y[from + a] + shift[slot * dimension + a]));
            key += dimension == 1 ? gap : gap * gap;
        }
        return key;
    }

    private void addCandidate(int j, double key) {
        reserve(1);
        candidate[candidates] = ~(long) j;
        candidateKey[candidates++] = key;
    }

    /** Reorders the candidates so that position k holds the k-th smallest key (Hoare's quickselect). */
    private void select(int k) {
        int left = 0;
        int right = candidates - 1;
        while (left < right) {
            double pivot = candidateKey[(left + right) >>> 1];
            int a = left;
            int b = right;
            while (a <= b) {
                while (candidateKey[a] < pivot) {
                    a++;
                }
                while (candidateKey[b] > pivot) {
                    b--;
                }
                if (a <= b) {
                    double key = candidateKey[a];
                    candidateKey[a] = candidateKey[b];
                    candidateKey[b] = key;
                    long id = candidate[a];
                    candidate[a] = candidate[b];
                    candidate[b] = id;
                    a++;
                    b--;
                }
            }
            if (k <= b) {
                right = b;
            } else if (k >= a) {
                left = a;
            } else {
                return;
            }
        }
    }

    /**
     * 1D: the radius around the query point that holds `count` particles in the lab histogram (see
     * {@link #labCumulative}), by a few Newton steps from the uniform guess; the histogram is
     * rebuilt first if the groups have moved by more than a quarter of a bin since it was made.
     */
    private double labRadius(int count, double t) {
        if (!(Math.abs(t - labTime) * maxSpeed * blocksPerRow <= 0.25)) {
            buildLab(t);
        }
        double x = query[0];
        double r = Math.min(uniformRadius(count), 0.25);
        for (int step = 0; step < 4; step++) {
            double density = labDensity(x + r) + labDensity(x - r);
            if (!(density > 0)) {
                break;
            }
            r = Math.max(0, Math.min(0.5, r + (count - labPrefix(x + r) + labPrefix(x - r)) / density));
        }
        return r;
    }

    /** Lab-histogram particles in [0, y) for y in (-1, 2) (negative below 0), pro rata within a bin. */
    private double labPrefix(double y) {
        double z = y * blocksPerRow;
        int bin = (int) Math.floor(z);
        int wrapped = bin & (blocksPerRow - 1);
        double below = labCumulative[wrapped];
        return Math.floor(z / blocksPerRow) * size + below + (labCumulative[wrapped + 1] - below) * (z - bin);
    }

    /** Lab-histogram particles per unit length at y. */
    private double labDensity(double y) {
        int wrapped = (int) Math.floor(y * blocksPerRow) & (blocksPerRow - 1);
        return (labCumulative[wrapped + 1] - labCumulative[wrapped]) * blocksPerRow;
    }

    /** The lab histogram at time t from the block counts of every group (see {@link #labCumulative}). */
    private void buildLab(double t) {
        int bins = blocksPerRow;
        Arrays.fill(labBin, 0.0);
        for (int slot = 0; slot < activeCount; slot++) {
            int k = active[slot];
            double offset = frac(velocity[k] * t) * bins;
            int whole = (int) offset;
            double share = offset - whole;
            int base = blockBase[k];
            for (int b = 0; b < bins; b++) {
                double particles = counts[base + b + 1] - counts[base + b];
                int bin = (b + whole) & (bins - 1);
                labBin[bin] += particles * (1 - share);
                labBin[(bin + 1) & (bins - 1)] += particles * share;
            }
        }
        for (int b = 0; b < bins; b++) {
            labCumulative[b + 1] = labCumulative[b] + labBin[b];
        }
        labTime = t;
    }

    /** The radius holding `count` particles if they were spread uniformly (a starting guess). */
    private double uniformRadius(int count) {
        double volume = (double) count / size;
        switch (dimension) {
        case 1:
            return 0.5 * volume;
        case 2:
            return Math.sqrt(volume / Math.PI);
        default:
            return Math.cbrt(volume * 3 / (4 * Math.PI));
        }
    }

    private double volumeVariable(double r) {
        return dimension == 1 ? r : dimension == 2 ? r * r : r * r * r;
    }

    private double radiusOf(double z) {
        if (!(z > 0)) {
            return Double.NaN;
        }
        return dimension == 1 ? z : dimension == 2 ? Math.sqrt(z) : Math.cbrt(z);
    }

    /** Puts particle i into the cell of its co-moving coordinates in its group's grid. */
    private void link(int i) {
        int k = node[i];
        int cell = (int) (comoving[i * dimension] * cellsPerAxis);
        for (int a = dimension - 1; a > 0; a--) {
            cell += ((int) (comoving[i * dimension + a] * cellsPerAxis)) << (axisBits * a);
        }
        cellOf[i] = cell;
        int[] particles = slotParticle[k];
        int s = cell * SLOTS;
        int end = s + SLOTS;
        while (s < end && particles[s] >= 0) {
            s++;
        }
        if (s < end) {
            store(k, s, i);
        } else {
            next[i] = overflow[k][cell];
            overflow[k][cell] = i;
        }
        count(k, cell, 1);
    }

    /** Takes particle i out of its cell; the last inline particle fills its slot, and an overflow one the gap. */
    private void unlink(int i) {
        int k = node[i];
        int cell = cellOf[i];
        int[] particles = slotParticle[k];
        int first = cell * SLOTS;
        int s = first;
        int end = first + SLOTS;
        while (s < end && particles[s] != i) {
            s++;
        }
        if (s < end) {
            int last = s;
            while (last + 1 < end && particles[last + 1] >= 0) {
                last++;
            }
            store(k, s, particles[last]);
            clear(k, last);
            int spill = overflow[k][cell];
            if (spill >= 0) {
                overflow[k][cell] = next[spill];
                store(k, last, spill);
            }
        } else if (overflow[k][cell] == i) {
            overflow[k][cell] = next[i];
        } else {
            int before = overflow[k][cell];
            while (next[before] != i) {
                before = next[before];
            }
            next[before] = next[i];
        }
        count(k, cell, -1);
    }

    /** Empties slot s of group k. */
    private void clear(int k, int s) {
        slotParticle[k][s] = -1;
        slotCoordinate[k][s * dimension] = EMPTY;
    }

    /** Writes particle i and a copy of its co-moving coordinates into slot s of group k. */
    private void store(int k, int s, int i) {
        slotParticle[k][s] = i;
        System.arraycopy(comoving, i * dimension, slotCoordinate[k], s * dimension, dimension);
    }

    /** Adds delta to the prefix sums of a cell's row: the rest of its block, then the later blocks. */
    private void count(int k, int cell, int delta) {
        int row = cell >> axisBits;
        int c = cell & (cellsPerAxis - 1);
        int rowStart = cellBase[k] + row * (cellsPerAxis + 1);
        int blockEnd = ((c >> blockBits) + 1) << blockBits;
        for (int e = c + 1; e < blockEnd; e++) {
            counts[rowStart + e] += delta;
        }
        int blockStart = blockBase[k] + row * (blocksPerRow + 1);
        for (int b = (c >> blockBits) + 1; b <= blocksPerRow; b++) {
            counts[blockStart + b] += delta;
        }
    }

    private void deactivate(int k) {
        int slot = 0;
        while (active[slot] != k) {
            slot++;
        }
        System.arraycopy(active, slot + 1, active, slot, activeCount - slot - 1);
        activeCount--;
    }

    /** z - floor(z) in [0, 1): the shift of a node at time t (z = -tiny would round to 1). */
    private static double frac(double z) {
        double f = z - Math.floor(z);
        return f < 1 ? f : 0.0;
    }

    /**
     * A coordinate in [0, 2) reduced to [0, 1): p - 1 is exact for p in [1, 2), and a sum that
     * rounded up to 1 becomes 0, the same point of the torus. Math.floor is one instruction where a
     * comparison would be an unpredictable branch.
     */
    private static double wrap(double p) {
        return p - Math.floor(p);
    }

    /** Minimum-image distance for a difference in (-1, 1). */
    private static double torus(double difference) {
        double gap = Math.abs(difference);
        return gap > 0.5 ? 1 - gap : gap;
    }

    /**
     * Minimum-image distance between coordinates x and p in [0, 1); the same value as
     * min(|x - p|, 1 - |x - p|), without the sign and NaN cases of Math.min.
     */
    private static double gap(double x, double p) {
        return torus(x - p);
    }
}
