package meanfield.validation.topo;

import java.util.Arrays;

import meanfield.validation.random.SplitMix64;

/**
 * The rank query on the torus in 2D and 3D. A ball meets one run of cells in each row (along the
 * first axis) that it reaches, so each count is a sum over the rows of the groups of prefix
 * differences; the per-axis distance bounds of the cells of the other axes are computed once per
 * query, and the lookups of all groups are planned first and loaded together, so that their cache
 * misses overlap.
 *
 * <p>The search takes secant steps in the variable r^d, where the count is nearly linear, counting
 * by blocks of cells (small arrays that stay in cache) until r is within a block of the answer, then
 * by cells. Cost per query, with g groups present and C^d about N / (g OCCUPANCY) cells per group:
 * O(g C) per count in 2D (O(g C^2) in 3D: one run per row met by the ball), a handful of counts,
 * and a final enumeration of an annulus about 4 sqrt(2) cells wide, O(sqrt(g N)) particles in 2D.
 */
final class RankQueryNd extends RankQuery {
    /** Squared per-axis distance bounds of the cells of axes 1..d-1: [(slot (d - 1) + a - 1) C + c]. */
    private final double[] axisMin2;
    private final double[] axisMax2;
    private final Lookups innerLookups = new Lookups();
    private final Lookups possibleLookups = new Lookups();
    // The grids' fixed shape and active list, copied once: the planning loops read them per row of cells.
    private final int cellsPerAxis;
    private final int axisBits;
    private final int rows;
    private final int blockBits;
    private final int blocksPerRow;
    private final int[] active;

    RankQueryNd(CoMovingGrids grids, double[] velocity, int size) {
        super(grids, velocity, size);
        cellsPerAxis = grids.cellsPerAxis;
        axisBits = grids.axisBits;
        rows = grids.rows;
        blockBits = grids.blockBits;
        blocksPerRow = grids.blocksPerRow;
        active = grids.active;
        int nodes = velocity.length / dimension;
        axisMin2 = new double[nodes * (dimension - 1) * cellsPerAxis];
        axisMax2 = new double[nodes * (dimension - 1) * cellsPerAxis];
    }

    @Override
    int rankedNeighbour(int i, int rank, double t, SplitMix64 random) {
        prepare(i, t);
        int wanted = rank + 1;
        double h = 1.0 / cellsPerAxis;
        double cellReach = h * Math.sqrt(dimension) + 4 * MARGIN;
        double blockReach = Math.sqrt(1.0 / ((double) blocksPerRow * blocksPerRow)
                + (dimension - 1) * h * h) + 4 * MARGIN;
        double maxRadius = 0.5 * Math.sqrt(dimension);
        double lo = -1;
        double hi = maxRadius + 1e-6;
        // On block counts until r is within a block of the answer, then on cell counts, by secant
        // steps in z = r^d through the last two evaluations, starting from (0, 1): particle i alone.
        // That is only a guess: the bracket (lo, hi) is kept from exact bounds, with bisection
        // whenever a guess leaves it.
        boolean blocks = true;
        double reach = blockReach;
        double zPrevious = 0;
        double countPrevious = 1;
        double r = Math.min(uniformRadius(wanted), 0.5 * maxRadius);
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
            double count = 0.5 * ((double) innerCount + possibleCount);
            double z = volumeVariable(r);
            double secant = (count - countPrevious) / (z - zPrevious);
            double guess = secant > 0 ? radiusOf(z + (wanted - count) / secant) : Double.NaN;
            zPrevious = z;
            countPrevious = count;
            double left = Math.max(lo, 0);
            double right = Math.min(hi, maxRadius);
            boolean inside = guess > left && guess < right;
            r = inside ? guess : 0.5 * (left + right);
        }
        scan(lo, hi, true, false);
        int j = selectPartner(i, wanted, lo < 0 ? -1 : lo * lo, hi * hi, random);
        if (j < 0) {
            throw lostBracket(i, rank, t, lo, hi);
        }
        return j;
    }

    /** {@link #locate}, and the squared distance bounds of the cells of axes 1..d-1 in every group's frame. */
    private void prepare(int i, double t) {
        locate(i, t);
        int perpendicular = dimension - 1;
        double h = 1.0 / cellsPerAxis;
        for (int slot = 0, present = grids.activeCount; slot < present; slot++) {
            for (int a = 1; a < dimension; a++) {
                double u = target[slot * dimension + a];
                int base = ((slot * perpendicular) + a - 1) * cellsPerAxis;
                double antipode = Torus.wrap(u + 0.5);
                for (int c = 0; c < cellsPerAxis; c++) {
                    double left = c * h;
                    double right = left + h;
                    double toLeft = Torus.torus(u - left);
                    double toRight = Torus.torus(u - right);
                    double min = u >= left && u <= right ? 0 : Math.min(toLeft, toRight);
                    double max = antipode >= left && antipode <= right ? 0.5 : Math.max(toLeft, toRight);
                    axisMin2[base + c] = min * min;
                    axisMax2[base + c] = max * max;
                }
            }
        }
    }

    /**
     * Over the groups present and the rows of cells: innerCount = particles in cells certainly
     * closer than rIn, possibleCount = particles in cells that may be within rOut; with collect, the
     * particles of the cells possible but not inner at rIn become the candidates, with keys.
     * With blocks, runs of 2^blockBits cells along the first axis take the place of cells (no collect).
     */
    private void scan(double rIn, double rOut, boolean collect, boolean blocks) {
        innerLookups.clear();
        possibleLookups.clear();
        runs = 0;
        candidates = 0;
        double in = rIn - MARGIN;
        double out = rOut + MARGIN;
        double in2 = in > 0 ? in * in : -1;
        double out2 = out * out;
        int perpendicular = dimension - 1;
        for (int slot = 0, present = grids.activeCount; slot < present; slot++) {
            double u = target[slot * dimension];
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
        innerCount = innerLookups.gather(grids.counts);
        possibleCount = possibleLookups.gather(grids.counts);
        if (runs > 0) {
            touchRuns();
        }
        for (int run = 0; run < runs; run++) {
            collectRun(runSlot[run], runRow[run], runLo[run], runHi[run]);
        }
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
            int rowTotal = grids.blockIndex(k, row, blocksPerRow);
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
        if (blocks) {
            lookups.add(grids.blockIndex(k, row, c), sign);
        } else {
            lookups.add(grids.blockIndex(k, row, c >> blockBits), sign);
            lookups.add(grids.cellIndex(k, row, c), sign);
        }
    }

    /** Appends the particles of cells lo..hi (unwrapped) of a row of the group in this slot, with their keys. */
    private void collectRun(int slot, int row, int lo, int hi) {
        final int slots = CoMovingGrids.SLOTS;
        int k = active[slot];
        int[] particles = grids.slotParticle[k];
        double[] coordinates = grids.slotCoordinate[k];
        int[] overflow = grids.overflow[k];
        int[] next = grids.next;
        double[] comoving = grids.comoving;
        int rowStart = row * cellsPerAxis;
        for (int c = lo; c <= hi; c++) {
            int cell = rowStart + (c & (cellsPerAxis - 1));
            for (int s = cell * slots, end = s + slots; s < end && particles[s] >= 0; s++) {
                addCandidate(particles[s], key(coordinates, s * dimension, slot));
            }
            // Slots fill first, so only a cell with its last slot taken can have an overflow chain.
            if (particles[cell * slots + slots - 1] >= 0) {
                for (int j = overflow[cell]; j >= 0; j = next[j]) {
                    addCandidate(j, key(comoving, j * dimension, slot));
                }
            }
        }
    }

    /** The key of the particle with co-moving coordinates y[from..from+d) in the group of this slot. */
    private double key(double[] y, int from, int slot) {
        double key = 0;
        for (int a = 0; a < dimension; a++) {
            double gap = Torus.gap(query[a], Torus.wrap(y[from + a] + shift[slot * dimension + a]));
            key += gap * gap;
        }
        return key;
    }

    /** The radius holding `count` particles if they were spread uniformly (a starting guess). */
    private double uniformRadius(int count) {
        double volume = (double) count / size;
        return dimension == 2 ? Math.sqrt(volume / Math.PI) : Math.cbrt(volume * 3 / (4 * Math.PI));
    }

    private double volumeVariable(double r) {
        return dimension == 2 ? r * r : r * r * r;
    }

    private double radiusOf(double z) {
        if (!(z > 0)) {
            return Double.NaN;
        }
        return dimension == 2 ? Math.sqrt(z) : Math.cbrt(z);
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
}
