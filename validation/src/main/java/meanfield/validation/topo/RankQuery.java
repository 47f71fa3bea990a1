package meanfield.validation.topo;

import java.util.Arrays;

import meanfield.validation.random.SplitMix64;

/**
 * The exact rank query on the {@link CoMovingGrids}: the particle of rank s among the others ordered
 * by torus distance to particle i at time t, ties broken uniformly at random. This class holds what
 * the 1D and the N-D search share (the query point in every group's frame, the runs of cells to read,
 * and the exact selection among their particles); {@link RankQuery1d} and {@link RankQueryNd} find
 * the bracket, each in the way that is fast in its dimension.
 *
 * <p>Distances are compared by their floating-point key: the minimum-image distance in 1D and its
 * square sum_a |x_a - y_a|^2 in 2D and 3D (see {@link TopoParticles#distanceKey}); the answer is the
 * particle of the wanted rank in that order, exactly. For a radius r, whole cells are classified by
 * their distance bounds with a margin of {@value #MARGIN}, far above round-off: L(r) counts the
 * particles of cells certainly inside the ball of radius r, U(r) those of cells that may meet it, so
 * L(r) <= #(key <= r) <= U(r). A safeguarded search on r finds lo with U(lo) < target and hi with
 * L(hi) >= target, the target being the order statistic s + 1 among all N (the particle itself has
 * key 0). Any guess will do, as lo and hi come from exact bounds (with bisection when a guess leaves
 * them). It stops as soon as r is within a cell of the answer: a cell that may meet the ball of
 * radius r - w, w the cell diameter, lies inside the ball of radius r, so (r - w, r + w) brackets.
 * The particle sought then lies in a cell between the two balls; those cells are enumerated, their
 * keys computed exactly, and the wanted one is selected among them (quickselect), a tie being broken
 * uniformly among all particles with the same key, taken in the order of their indices: the answer is
 * then a function of the particle state, t and the random stream alone, whatever the order in which
 * the grids hold the particles, so grids rebuilt from a checkpoint continue a run exactly. The cells
 * certainly inside the inner ball are only counted. Sorting is never needed.
 *
 * <p>Sealed with two final subclasses: the simulator calls {@link #rankedNeighbour} once per event,
 * and everything below it is a direct call. The state is scratch of one query, not thread-safe.
 */
abstract sealed class RankQuery permits RankQuery1d, RankQueryNd {
    /**
     * Distance margin of the whole-cell classification. Positions, keys and cell bounds carry
     * round-off of order 1e-16; the margin only has to exceed it, and it is far below a cell width.
     */
    static final double MARGIN = 1e-12;
    /** Safeguard on the radius search; it needs far fewer (about 20 even by pure bisection). */
    static final int MAX_SEARCH_STEPS = 200;

    final CoMovingGrids grids;
    final int dimension;
    final int size;
    /** v_k as nodes x d (the particle state, read only). */
    final double[] velocity;

    // Scratch of one query, indexed by the position of a group in the active list.
    /** The query point x_i(t). */
    final double[] query;
    /** frac(v_k t) per group and axis. */
    final double[] shift;
    /** The query point in each group's co-moving frame. */
    final double[] target;

    double[] candidateKey = new double[64];
    /**
     * Where each candidate is: (slot in the active list << 32) | its inline slot in that group, or
     * ~j for particle j given directly. The 1D scan reads only co-moving coordinates, not particle
     * indices (one cache line fewer per cell run), and only the selected candidates are resolved.
     */
    long[] candidate = new long[64];
    int candidates;
    /** The particles tied at the selected key, other than the query particle. */
    private int[] tied = new int[16];
    /** From the last scan: particles in cells certainly inside the inner radius, and in cells that may meet the outer one. */
    int innerCount;
    int possibleCount;
    /** Runs of cells (slot, row, first, last) that the final scan reads. */
    int runs;
    int[] runSlot = new int[64];
    int[] runRow = new int[64];
    int[] runLo = new int[64];
    int[] runHi = new int[64];
    /** Written by {@link #touchRuns} and never read. */
    @SuppressWarnings("unused")
    private long touched;

    RankQuery(CoMovingGrids grids, double[] velocity, int size) {
        this.grids = grids;
        this.dimension = grids.dimension;
        this.size = size;
        this.velocity = velocity;
        int nodes = velocity.length / dimension;
        query = new double[dimension];
        shift = new double[nodes * dimension];
        target = new double[nodes * dimension];
    }

    /** The query of the grids' dimension. */
    static RankQuery of(CoMovingGrids grids, double[] velocity, int size) {
        return grids.dimension == 1 ? new RankQuery1d(grids, velocity, size) : new RankQueryNd(grids, velocity, size);
    }

    /**
     * The particle of rank {@code rank} (1 = nearest, at most N - 1) among the others ordered by
     * distance to particle i at time t, ties broken with {@code random} (drawn from only for a tie).
     */
    abstract int rankedNeighbour(int i, int rank, double t, SplitMix64 random);

    /** The query point x_i(t), and the shift of every group present and the point in its frame. */
    final void locate(int i, double t) {
        int k0 = grids.node[i];
        for (int a = 0; a < dimension; a++) {
            query[a] = Torus.moved(grids.comoving[i * dimension + a], velocity[k0 * dimension + a], t);
        }
        int[] active = grids.active;
        for (int slot = 0, present = grids.activeCount; slot < present; slot++) {
            int k = active[slot];
            for (int a = 0; a < dimension; a++) {
                double s = Torus.frac(velocity[k * dimension + a] * t);
                shift[slot * dimension + a] = s;
                target[slot * dimension + a] = Torus.wrap(query[a] - s + 1);
            }
        }
    }

    /**
     * After a collecting scan of the bracket (lo, hi], whose keys are keyLo and keyHi (keyLo < 0 for
     * lo < 0): the particle holding order statistic `wanted` (particle i included) if its key lies in
     * the bracket, a tie broken at random; -1 if it does not. Exact either way: cells inner at lo hold
     * keys below lo, cells not possible at hi keys above hi, and the keys of all others are computed,
     * so F(lo) and F(hi) are known exactly and the bracket is checked, not assumed.
     */
    final int selectPartner(int i, int wanted, double keyLo, double keyHi, SplitMix64 random) {
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
        // The pick-th of the tied particles by index, not by their place among the candidates: that
        // place depends on how the grids hold the particles (the order within a cell, which the
        // history of removals sets, the grid size, the bracket the search ends with), which the
        // particle state does not determine. By index, the answer is a function of the particle
        // state, t and the stream alone, so grids rebuilt from a checkpoint continue the run exactly.
        if (tied.length < ties) {
            tied = new int[Math.max(2 * tied.length, ties)];
        }
        for (int c = 0, m = 0; m < ties; c++) {
            if (candidateKey[c] == key) {
                int j = particleOf(candidate[c]);
                if (j != i) {
                    tied[m++] = j;
                }
            }
        }
        return ties == 1 ? tied[0] : selectIndex(tied, ties, pick);
    }

    /** The k-th smallest (from 0) of the first n entries of a (reordered; Hoare's quickselect). */
    private static int selectIndex(int[] a, int n, int k) {
        int left = 0;
        int right = n - 1;
        while (left < right) {
            int pivot = a[(left + right) >>> 1];
            int x = left;
            int y = right;
            while (x <= y) {
                while (a[x] < pivot) {
                    x++;
                }
                while (a[y] > pivot) {
                    y--;
                }
                if (x <= y) {
                    int swap = a[x];
                    a[x] = a[y];
                    a[y] = swap;
                    x++;
                    y--;
                }
            }
            if (k <= y) {
                right = y;
            } else if (k >= x) {
                left = x;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** The failure {@link #selectPartner} reports by -1, which exact bounds rule out. */
    static IllegalStateException lostBracket(int i, int rank, double t, double lo, double hi) {
        return new IllegalStateException("rank query lost its bracket: particle " + i + ", rank " + rank
                + ", t = " + t + ", radii " + lo + ".." + hi);
    }

    /** The particle a candidate entry stands for (see {@link #candidate}). */
    private int particleOf(long where) {
        return where < 0 ? (int) ~where : grids.particleInSlot((int) (where >>> 32), (int) where);
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

    /** Room for `more` candidates beyond those collected. */
    final void reserve(int more) {
        if (candidates + more > candidate.length) {
            int capacity = Math.max(2 * candidate.length, candidates + more);
            candidate = Arrays.copyOf(candidate, capacity);
            candidateKey = Arrays.copyOf(candidateKey, capacity);
        }
    }

    /** Appends particle j, given directly, with its key. */
    final void addCandidate(int j, double key) {
        reserve(1);
        candidate[candidates] = ~(long) j;
        candidateKey[candidates++] = key;
    }

    /** Appends the run of cells lo..hi (unwrapped) of a row of the group in this slot to those to read. */
    final void addRun(int slot, int row, int lo, int hi) {
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
     * Loads the start of every run's slots in one loop before any is read, so that their cache misses
     * overlap (Java has no prefetch instruction); the sum only keeps the loads from being dropped.
     */
    final void touchRuns() {
        int cellsPerAxis = grids.cellsPerAxis;
        int slots = CoMovingGrids.SLOTS;
        long sum = 0;
        for (int run = 0; run < runs; run++) {
            double[] coordinates = grids.slotCoordinate[grids.active[runSlot[run]]];
            int rowStart = runRow[run] * cellsPerAxis;
            int first = (rowStart + (runLo[run] & (cellsPerAxis - 1))) * slots;
            int last = (rowStart + (runHi[run] & (cellsPerAxis - 1))) * slots + slots - 1;
            sum += (long) coordinates[first * dimension] + (long) coordinates[last * dimension];
        }
        touched = sum;
    }
}
