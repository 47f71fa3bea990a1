package meanfield.validation.topo;

import java.util.Arrays;

import meanfield.validation.random.SplitMix64;

/**
 * The rank query on the circle, the hot path of the 1D simulator. Each group is a single row of
 * cells, so the count of any arc is one difference of two prefix sums, computed in place for all
 * groups without branches on the loaded counts, so that their cache misses overlap.
 *
 * <p>The search counts by cells from the start: a lab-frame histogram of all particles, rebuilt from
 * the block counts of the groups as they move, gives the radius a first guess a few cells off, and
 * Newton steps on the count, with the partially covered cells taken pro rata, close the bracket.
 * The final enumeration reads only the co-moving coordinates of the cells it crosses, about 6 g
 * cells and 6 g OCCUPANCY particles (g groups present), and resolves particle indices only for the
 * selected key.
 *
 * <p>Cost per query: each count costs O(g) prefix lookups, the search takes a handful of them (with
 * N = 10^6, about 2.2 for g = 32, 3.7 for g = 4 and 4.6 for g = 2, where the boundary cells are
 * mostly empty and rarely straddle the target), and the histogram O(g sqrt C) per rebuild, every
 * C^(-1/2) / (4 max|v|) in time. So O(g) per event, independent of N but for cache misses (a few
 * cache lines per group and event, overlapped by batching the loads).
 */
final class RankQuery1d extends RankQuery {
    /**
     * All particles in a lab-frame histogram of blocksPerRow bins, as cumulative counts
     * (labCumulative[m] = particles in the bins before m): the block counts of every group moved by
     * its shift at labTime, each block split pro rata between the two bins it straddles. It only
     * gives the radius search its first guess and slope, good to a few cells (a count by blocks
     * would cost O(g) per query), so it is rebuilt, O(g blocksPerRow), only once the groups have
     * moved by a quarter of a bin since labTime; velocity changes in between leave it slightly off.
     */
    private final double[] labCumulative;
    private final double[] labBin;
    private double labTime = Double.NaN;
    /** max_k |v_k|: how fast the lab histogram ages. */
    private final double maxSpeed;
    /**
     * From the last count (not collect): the count at the radius with the cells possible but not
     * inner taken pro rata to the part of them inside the ball.
     */
    private double estimate;

    RankQuery1d(CoMovingGrids grids, double[] velocity, int size) {
        super(grids, velocity, size);
        labCumulative = new double[grids.blocksPerRow + 1];
        labBin = new double[grids.blocksPerRow];
        double fastest = 0;
        for (double v : velocity) {
            fastest = Math.max(fastest, Math.abs(v));
        }
        maxSpeed = fastest;
    }

    @Override
    int rankedNeighbour(int i, int rank, double t, SplitMix64 random) {
        locate(i, t);
        int wanted = rank + 1;
        double reach = 1.0 / grids.cellsPerAxis + 4 * MARGIN;
        double maxRadius = 0.5;
        double lo = -1;
        double hi = maxRadius + 1e-6;
        // By cells from the guess of the lab histogram, a few cells off, by Newton steps on the
        // pro-rata count (see scan) with the histogram's slope there; secant steps through the last
        // two evaluations, from (0, 1) (particle i alone), if that slope is 0. Either is only a
        // guess: the bracket (lo, hi) is kept from exact bounds, with bisection whenever a guess
        // leaves it.
        double r = labRadius(wanted, t);
        double slope = labDensity(query[0] + r) + labDensity(query[0] - r);
        double rPrevious = 0;
        double countPrevious = 1;
        for (int step = 0; step < MAX_SEARCH_STEPS; step++) {
            scan(r, r, false);
            if (possibleCount < wanted) {
                lo = r;
            } else if (innerCount >= wanted) {
                hi = r;
            } else {
                // r is within a cell of the answer: a cell possible at r - reach lies inside the ball
                // of radius r, so U(r - reach) <= L(r) < wanted; likewise L(r + reach) >= wanted.
                lo = Math.max(lo, r - reach);
                hi = Math.min(hi, r + reach);
                break;
            }
            if (hi - lo <= 2 * reach) {
                break;
            }
            double guess;
            if (slope > 0) {
                guess = r + (wanted - estimate) / slope;
            } else {
                double count = 0.5 * ((double) innerCount + possibleCount);
                double secant = (count - countPrevious) / (r - rPrevious);
                double z = r + (wanted - count) / secant;
                guess = secant > 0 && z > 0 ? z : Double.NaN;
                rPrevious = r;
                countPrevious = count;
            }
            double left = Math.max(lo, 0);
            double right = Math.min(hi, maxRadius);
            boolean inside = guess > left && guess < right;
            r = inside ? guess : 0.5 * (left + right);
        }
        scan(lo, hi, true);
        int j = selectPartner(i, wanted, lo < 0 ? -1 : lo, hi, random);
        if (j < 0) {
            throw lostBracket(i, rank, t, lo, hi);
        }
        return j;
    }

    /**
     * Over the groups present: innerCount = particles in cells certainly closer than rIn,
     * possibleCount = particles in cells that may be within rOut; with collect, the particles of the
     * cells possible but not inner become the candidates, with keys, and without, the pro-rata
     * {@link #estimate}. One row per group, so each count is a difference of two prefix sums
     * computed in place, without planned lookups or branches on the loaded counts (the loads of all
     * groups stay independent and their misses overlap). The cells of a group are indexed unwrapped,
     * from -C to 2C; see {@link CoMovingGrids#prefix1d}.
     */
    private void scan(double rIn, double rOut, boolean collect) {
        runs = 0;
        candidates = 0;
        double in = rIn - MARGIN;
        double out = rOut + MARGIN;
        int units = grids.cellsPerAxis;
        // An arc at least as long as the torus holds every cell.
        boolean innerAll = 2 * in >= 1;
        boolean possibleAll = 2 * out >= 1;
        int inner = 0;
        int possible = 0;
        double pro = 0;
        double arc = Math.min(units, 2 * rOut * units);
        int[] active = grids.active;
        int[] groupSize = grids.groupSize;
        for (int slot = 0, present = grids.activeCount; slot < present; slot++) {
            int k = active[slot];
            double u = target[slot];
            int total = groupSize[k];
            // Inner cells lie in the arc (u - in, u + in): innerLo .. innerEnd - 1, none if in <= 0
            // (then innerEnd <= innerLo); possible ones meet [u - out, u + out].
            int innerLo = innerAll ? 0 : (int) Math.ceil((u - in) * units);
            int innerEnd = innerAll ? units : (int) Math.floor((u + in) * units);
            int possibleLo = possibleAll ? 0 : (int) Math.floor((u - out) * units);
            int possibleEnd = possibleAll ? units : (int) Math.floor((u + out) * units) + 1;
            // A run of at least C cells is the whole row, and its prefix difference is >= total.
            int innerHere = Math.max(0, Math.min(total,
                    grids.prefix1d(k, innerEnd, total) - grids.prefix1d(k, innerLo, total)));
            inner += innerHere;
            if (collect) {
                planRuns(slot, innerLo, innerEnd, possibleLo, possibleEnd);
            } else {
                int possibleHere = Math.min(total,
                        grids.prefix1d(k, possibleEnd, total) - grids.prefix1d(k, possibleLo, total));
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
            collectRun(runSlot[run], runLo[run], runHi[run]);
        }
    }

    /**
     * The cells possible but not inner of one group as runs to read (unwrapped indices): all the
     * possible ones if none is inner, else those on either side of the inner arc, or the complement
     * of the inner arc when the possible ones go round the torus.
     */
    private void planRuns(int slot, int innerLo, int innerEnd, int possibleLo, int possibleEnd) {
        int cellsPerAxis = grids.cellsPerAxis;
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
     * Appends the particles of cells lo..hi (unwrapped) of the group in this slot, with their keys.
     * Most cells are empty or half full, which makes per-slot branches unpredictable: every slot's
     * key is written and the count advances only for an occupied slot (coordinate
     * {@value CoMovingGrids#EMPTY} marks a free one; a real one is never -0.0, as frac and wrap return
     * +0.0), without a branch. Only the coordinates are read: the particle indices wait in their own
     * array until a candidate is selected.
     */
    private void collectRun(int slot, int lo, int hi) {
        final int slots = CoMovingGrids.SLOTS;
        int k = grids.active[slot];
        double[] coordinates = grids.slotCoordinate[k];
        int[] overflow = grids.overflow[k];
        int[] next = grids.next;
        double[] comoving = grids.comoving;
        int cellMask = grids.cellsPerAxis - 1;
        double x = query[0];
        double s0 = shift[slot];
        long where = (long) slot << 32;
        reserve((hi - lo + 1) * slots);
        int m = candidates;
        for (int c = lo; c <= hi; c++) {
            int first = (c & cellMask) * slots;
            for (int s = first; s < first + slots; s++) {
                double y = coordinates[s];
                candidate[m] = where | s;
                candidateKey[m] = Torus.gap(x, Torus.wrap(y + s0));
                // 1 for a filled slot (y >= 0), 0 for an empty one (EMPTY has the sign bit).
                m += (int) (~Double.doubleToRawLongBits(y) >>> 63);
            }
            if (coordinates[first + slots - 1] >= 0) {
                candidates = m;
                for (int j = overflow[first / slots]; j >= 0; j = next[j]) {
                    addCandidate(j, Torus.gap(x, Torus.wrap(comoving[j] + s0)));
                }
                reserve((hi - c) * slots);
                m = candidates;
            }
        }
        candidates = m;
    }

    /**
     * The radius around the query point that holds `count` particles in the lab histogram (see
     * {@link #labCumulative}), by a few Newton steps from the uniform guess; the histogram is
     * rebuilt first if the groups have moved by more than a quarter of a bin since it was made.
     */
    private double labRadius(int count, double t) {
        if (!(Math.abs(t - labTime) * maxSpeed * grids.blocksPerRow <= 0.25)) {
            buildLab(t);
        }
        double x = query[0];
        // The radius holding `count` particles if they were spread uniformly.
        double r = Math.min(0.5 * ((double) count / size), 0.25);
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
        int bins = grids.blocksPerRow;
        double z = y * bins;
        int bin = (int) Math.floor(z);
        int wrapped = bin & (bins - 1);
        double below = labCumulative[wrapped];
        return Math.floor(z / bins) * size + below + (labCumulative[wrapped + 1] - below) * (z - bin);
    }

    /** Lab-histogram particles per unit length at y. */
    private double labDensity(double y) {
        int bins = grids.blocksPerRow;
        int wrapped = (int) Math.floor(y * bins) & (bins - 1);
        return (labCumulative[wrapped + 1] - labCumulative[wrapped]) * bins;
    }

    /** The lab histogram at time t from the block counts of every group (see {@link #labCumulative}). */
    private void buildLab(double t) {
        int bins = grids.blocksPerRow;
        int[] counts = grids.counts;
        Arrays.fill(labBin, 0.0);
        for (int slot = 0; slot < grids.activeCount; slot++) {
            int k = grids.active[slot];
            double offset = Torus.frac(velocity[k] * t) * bins;
            int whole = (int) offset;
            double share = offset - whole;
            int base = grids.blockIndex(k, 0, 0);
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
}
