package meanfield.validation.topo;

import java.util.Arrays;

import meanfield.validation.random.SplitMix64;

/**
 * The rank query of the time-stepped (approximate) method, {@link TopoTimeStepped}, in 1D: the
 * particle of rank s among the others ordered by torus distance to particle i in a <i>frozen</i>
 * configuration, the positions at the start of a step, sorted once per step.
 *
 * <p><b>Why two sorted sequences.</b> Walking from particle i to the right in circular sorted order,
 * the rightward arc r to each particle grows and the leftward arc l (about 1 - r) shrinks, so r <= l
 * holds for a prefix of the walk (m particles): those are nearer on the right, their distance is r and
 * it grows along the walk; the other N - 1 - m, met walking to the left, have distance l, growing along
 * that walk. The s-th nearest is the s-th smallest of these two sorted sequences, found by the
 * two-sorted-arrays selection (a search on how many come from the right), and m by a search on the
 * prefix. Both searches gallop from a guess read off the sort's bucket index (a CDF of the positions
 * to within a bucket), so that their loads fall near each other instead of across the whole array;
 * the guess only sets the cost, the answer is exact whatever it is: O(log N) loads per query at
 * worst, no sort per query.
 *
 * <p><b>Keys.</b> r and l are computed from unwrapped coordinates, x_q - x_i or (x_q + 1) - x_i to the
 * right and x_i - x_q or x_i - (x_q - 1) to the left, so that in floating point both are exactly
 * monotone along their walks (rounding is monotone), and the key of a particle is min(r, l) (see
 * {@link #key}): the minimum-image distance up to an ulp, the same function whichever order equal
 * positions were sorted in. The answer is the particle of the wanted rank in the order of these keys,
 * exactly; a tie (equal keys, such as two particles at the same distance on either side) is broken
 * uniformly at random among all the tied particles taken in the order of their indices, drawing from
 * the stream only when there is a tie, as the exact query ({@link RankQuery}) does.
 *
 * <p>The state is scratch of one step: not thread-safe.
 */
final class FrozenRankQuery1d {
    /** Above this many particles a bucket of the sort is sorted by quicksort rather than insertion. */
    private static final int INSERTION_LIMIT = 24;

    private final int size;
    /** The frozen positions in increasing order. */
    private final double[] sorted;
    /** The particle at each sorted place. */
    private final int[] order;
    /** The sorted place of each particle. */
    private final int[] place;
    /** Start of each bucket of the counting sort (N + 1 entries). */
    private final int[] bucketStart;
    private int[] tied = new int[16];

    FrozenRankQuery1d(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a rank query needs at least 2 particles, got " + size);
        }
        this.size = size;
        sorted = new double[size];
        order = new int[size];
        place = new int[size];
        bucketStart = new int[size + 1];
    }

    /**
     * The key by which the others are ranked around a particle at x: min(r, l) with the arcs r, l
     * computed as the query does (see the class comment); x and y in [0, 1).
     */
    static double key(double x, double y) {
        double right = y >= x ? y - x : (y + 1) - x;
        double left = y <= x ? x - y : x - (y - 1);
        return Math.min(right, left);
    }

    /**
     * Freezes the configuration: sorts the positions (in [0, 1)) with their particle indices. A
     * counting sort into N buckets of equal width, then each bucket by insertion: O(N) for a bounded
     * density, whatever the data a quicksort of each crowded bucket bounds it by O(N log N).
     */
    void freeze(double[] positions) {
        if (positions.length != size) {
            throw new IllegalArgumentException(positions.length + " positions for " + size + " particles");
        }
        int[] start = bucketStart;
        Arrays.fill(start, 0);
        for (int i = 0; i < size; i++) {
            start[bucket(positions[i]) + 1]++;
        }
        for (int b = 0; b < size; b++) {
            start[b + 1] += start[b];
        }
        // Scatter in index order, using start[b] as the fill pointer; afterwards start[b] is the end
        // of bucket b, that is the start of bucket b + 1.
        for (int i = 0; i < size; i++) {
            double x = positions[i];
            int at = start[bucket(x)]++;
            sorted[at] = x;
            order[at] = i;
        }
        int from = 0;
        for (int b = 0; b < size; b++) {
            int to = start[b];
            if (to - from > 1) {
                sortRange(from, to - 1);
            }
            from = to;
        }
        for (int q = 0; q < size; q++) {
            place[order[q]] = q;
        }
    }

    private int bucket(double x) {
        return Math.min(size - 1, (int) (x * size));
    }

    /** The frozen position of particle i. */
    double position(int i) {
        return sorted[place[i]];
    }

    /**
     * The particle of rank {@code rank} (1 = nearest, at most N - 1) among the others ordered by
     * frozen distance to particle i, ties broken with {@code random} (drawn from only for a tie).
     */
    int rankedNeighbour(int i, int rank, SplitMix64 random) {
        if (rank < 1 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is outside 1.." + (size - 1));
        }
        int p = place[i];
        double x = sorted[p];
        // m: how many of the walk to the right are nearer on the right (r <= l); a prefix of the walk.
        // Searched from the bucket index's guess (the particles up to x + 1/2): a few loads near it.
        int m = smallestTrue(SPLIT, p, x, 0, size - 1, 0, rightCount(p, x, 0.5));
        int leftSide = size - 1 - m;
        // a: how many of the rank nearest come from the right, the smallest a in [aLo, aHi] with
        // B[rank - a] <= A[a + 1] (A the right keys, B the left keys, both from 1, A[m + 1] = +inf),
        // searched from the bucket index's guess of the rank-th distance.
        int aLo = Math.max(0, rank - leftSide);
        int aHi = Math.min(rank, m);
        int a = smallestTrue(SELECT, p, x, aLo, aHi, rank, guessFromRight(p, x, rank));
        int b = rank - a;
        double fromRight = a > 0 ? rightArc(p, x, a) : Double.NEGATIVE_INFINITY;
        double fromLeft = b > 0 ? leftArc(p, x, b) : Double.NEGATIVE_INFINITY;
        double key = Math.max(fromRight, fromLeft);
        // The tied block around the answer in each sequence (usually just the answer).
        int rFirst = a + 1;
        int rLast = a;
        if (fromRight == key) {
            rFirst = a;
            while (rFirst > 1 && rightArc(p, x, rFirst - 1) == key) {
                rFirst--;
            }
        }
        while (rLast < m && rightArc(p, x, rLast + 1) == key) {
            rLast++;
        }
        int lFirst = b + 1;
        int lLast = b;
        if (fromLeft == key) {
            lFirst = b;
            while (lFirst > 1 && leftArc(p, x, lFirst - 1) == key) {
                lFirst--;
            }
        }
        while (lLast < leftSide && leftArc(p, x, lLast + 1) == key) {
            lLast++;
        }
        int ties = (rLast - rFirst + 1) + (lLast - lFirst + 1);
        if (ties == 1) {
            return rLast == rFirst ? order[wrap(p + rFirst)] : order[wrap(p - lFirst)];
        }
        int pick = random.nextInt(ties);
        if (tied.length < ties) {
            tied = new int[Math.max(2 * tied.length, ties)];
        }
        int t = 0;
        for (int k = rFirst; k <= rLast; k++) {
            tied[t++] = order[wrap(p + k)];
        }
        for (int k = lFirst; k <= lLast; k++) {
            tied[t++] = order[wrap(p - k)];
        }
        // The pick-th tied particle by index: independent of how equal positions were sorted.
        Arrays.sort(tied, 0, ties);
        return tied[pick];
    }

    private static final int SPLIT = 0;
    private static final int SELECT = 1;

    /**
     * The monotone (false, then true) predicates of the two searches: SPLIT at k, "the (k + 1)-th of
     * the walk to the right is nearer on the left" (true at the last k); SELECT at a, "B[rank - a] <=
     * A[a + 1]" (true at the last a). hi is where the caller knows it true.
     */
    private boolean holds(int kind, int p, double x, int k, int hi, int rank) {
        if (k >= hi) {
            return true;
        }
        if (kind == SPLIT) {
            return rightArc(p, x, k + 1) > leftArcOfRightWalk(p, x, k + 1);
        }
        return leftArc(p, x, rank - k) <= rightArc(p, x, k + 1);
    }

    /**
     * The smallest k in [lo, hi] where the predicate holds (it holds at hi), by galloping from a guess
     * and then bisecting: O(log |answer - guess|) loads, near each other when the guess is good. Any
     * guess gives the exact answer; only the cost depends on it.
     */
    private int smallestTrue(int kind, int p, double x, int lo, int hi, int rank, int guess) {
        int g = Math.max(lo, Math.min(hi, guess));
        int from;
        int to;
        if (holds(kind, p, x, g, hi, rank)) {
            to = g;
            from = lo;
            for (int step = 1; to - step >= lo; step <<= 1) {
                int c = to - step;
                if (holds(kind, p, x, c, hi, rank)) {
                    to = c;
                } else {
                    from = c + 1;
                    break;
                }
            }
        } else {
            from = g + 1;
            to = hi;
            for (int step = 1; g + step < hi; step <<= 1) {
                int c = g + step;
                if (holds(kind, p, x, c, hi, rank)) {
                    to = c;
                    break;
                }
                from = c + 1;
            }
        }
        while (from < to) {
            int c = (from + to) >>> 1;
            if (holds(kind, p, x, c, hi, rank)) {
                to = c;
            } else {
                from = c + 1;
            }
        }
        return from;
    }

    /** Particles in buckets below bucket b: the bucket index, a CDF of the positions to within a bucket. */
    private int before(int b) {
        return b == 0 ? 0 : bucketStart[b - 1];
    }

    /** About how many particles lie in (x, x + d] (0 <= d <= 1/2), from the bucket index. */
    private int rightCount(int p, double x, double d) {
        double y = x + d;
        int count = before(bucket(y >= 1 ? y - 1 : y)) - (p + 1) + (y >= 1 ? size : 0);
        return Math.max(0, Math.min(size - 1, count));
    }

    /** About how many particles lie in [x - d, x) (0 <= d <= 1/2), from the bucket index. */
    private int leftCount(int p, double x, double d) {
        double y = x - d;
        int count = p - before(bucket(y < 0 ? y + 1 : y)) + (y < 0 ? size : 0);
        return Math.max(0, Math.min(size - 1, count));
    }

    /**
     * A guess of how many of the rank nearest lie on the right: the distance holding about rank
     * particles found on the bucket index by regula falsi (Illinois), a few loads of the index.
     */
    private int guessFromRight(int p, double x, int rank) {
        double lo = 0;
        double hi = 0.5;
        double fLo = -rank;
        double fHi = size - 1 - rank;
        int side = 0;
        double d = 0.5 * rank / (size - 1);
        for (int iteration = 0; iteration < 8; iteration++) {
            int right = rightCount(p, x, d);
            double f = right + leftCount(p, x, d) - rank;
            if (Math.abs(f) <= 2) {
                return right;
            }
            if (f < 0) {
                lo = d;
                fLo = f;
                if (side == -1) {
                    fHi *= 0.5;
                }
                side = -1;
            } else {
                hi = d;
                fHi = f;
                if (side == 1) {
                    fLo *= 0.5;
                }
                side = 1;
            }
            d = fHi == fLo ? 0.5 * (lo + hi) : lo - fLo * (hi - lo) / (fHi - fLo);
            if (!(d > lo && d < hi)) {
                d = 0.5 * (lo + hi);
            }
        }
        return rightCount(p, x, d);
    }

    private int wrap(int q) {
        return q >= size ? q - size : q < 0 ? q + size : q;
    }

    /** r of the k-th particle walking right from place p (x its position). */
    private double rightArc(int p, double x, int k) {
        int q = p + k;
        return q < size ? sorted[q] - x : (sorted[q - size] + 1) - x;
    }

    /** l of the k-th particle walking right from place p. */
    private double leftArcOfRightWalk(int p, double x, int k) {
        int q = p + k;
        return q < size ? x - (sorted[q] - 1) : x - sorted[q - size];
    }

    /** l of the k-th particle walking left from place p. */
    private double leftArc(int p, double x, int k) {
        int q = p - k;
        return q >= 0 ? x - sorted[q] : x - (sorted[q + size] - 1);
    }

    /** Sorts sorted[from..to] (inclusive) with order alongside. */
    private void sortRange(int from, int to) {
        while (to - from >= INSERTION_LIMIT) {
            double pivot = sorted[(from + to) >>> 1];
            int a = from;
            int b = to;
            while (a <= b) {
                while (sorted[a] < pivot) {
                    a++;
                }
                while (sorted[b] > pivot) {
                    b--;
                }
                if (a <= b) {
                    swap(a++, b--);
                }
            }
            // Recurse into the smaller part, loop on the larger: O(log n) stack.
            if (b - from < to - a) {
                sortRange(from, b);
                from = a;
            } else {
                sortRange(a, to);
                to = b;
            }
        }
        for (int q = from + 1; q <= to; q++) {
            double x = sorted[q];
            int j = order[q];
            int r = q - 1;
            while (r >= from && sorted[r] > x) {
                sorted[r + 1] = sorted[r];
                order[r + 1] = order[r];
                r--;
            }
            sorted[r + 1] = x;
            order[r + 1] = j;
        }
    }

    private void swap(int a, int b) {
        double x = sorted[a];
        sorted[a] = sorted[b];
        sorted[b] = x;
        int j = order[a];
        order[a] = order[b];
        order[b] = j;
    }
}
