package meanfield.validation.topo;

import java.util.Arrays;

/**
 * The particles of each velocity group (the particles that share a velocity node) filed in a grid of
 * cells of the group's co-moving frame, with prefix counts of the cells: what lets a rank query count
 * the particles of a whole run of cells in two loads and read the particles near a distance without
 * a sort.
 *
 * <p>A group moves rigidly, so its particles' co-moving coordinates y = x(t) - v_k t (mod 1) do not
 * change between the events that change a velocity: the grids never move, and as time passes only
 * the shifts frac(v_k t) change. Every group has C^d cells (C a power of two, the same for all
 * groups). A cell stores its first {@value #SLOTS} particles inline (their co-moving coordinates in
 * one array and their indices in another, cell after cell, so that the cells a query reads are
 * contiguous memory rather than a chase through particle arrays; an empty slot has a negative
 * coordinate, so the 1D query reads the coordinates alone) and chains the rest through a primitive
 * array. The cell counts are kept in two-level prefix sums along the first axis (blocks of about
 * sqrt(C) cells, then cells within a block), so the count of any run of cells of a row is two loads
 * and filing or removing a particle updates O(sqrt C) counters; a velocity change is one removal and
 * one insertion.
 *
 * <p>The co-moving coordinates and velocity nodes are the particle state of {@link TopoParticles};
 * the grids read them (to file a particle, and for the overflow chains) and never write them.
 */
final class CoMovingGrids {
    /**
     * Particles per cell aimed at when the grid is chosen (mean over the groups present at the start).
     * A query reads all particles of the cells its final bracket crosses, about 6 g OCCUPANCY of them
     * (g groups), so smaller is faster until memory, C^d (SLOTS (8 d + 4) + 8) bytes per group, tells;
     * 0.25 with 2 slots was the best of the pairs tried (benchmarks TopoParticlesRun records the runs).
     */
    static final double OCCUPANCY = 0.25;
    /** Particles stored inline per cell; the few beyond go to the cell's overflow chain. */
    static final int SLOTS = 2;
    /** First co-moving coordinate of an empty slot: negative, where real ones are in [0, 1). */
    static final double EMPTY = -1.0;

    final int dimension;
    /** Co-moving coordinate y of each particle, N x d, in [0, 1) (the particle state, read only). */
    final double[] comoving;
    /** The velocity node of each particle (the particle state, read only). */
    final int[] node;

    /** Cells per axis C, a power of two, and its log2. */
    final int cellsPerAxis;
    final int axisBits;
    /** Rows of cells along the first axis: C^(d-1). */
    final int rows;
    /** Prefix sums are split in blocks of 2^blockBits cells along a row. */
    final int blockBits;
    final int blocksPerRow;

    /** Number of particles in each group. */
    final int[] groupSize;
    /** Groups with particles, in increasing node order, and how many. */
    final int[] active;
    int activeCount;

    /** Index of the particle's cell in its group's grid. */
    final int[] cellOf;
    /** Overflow chains: the next particle of the same cell beyond its slots, -1 at the end. */
    final int[] next;
    /**
     * Per group (null for a group empty at the start: the set of velocities present never grows):
     * the inline particles of cell c in slots c SLOTS + s, filled slots first, -1 when empty, with
     * their co-moving coordinates at ((c SLOTS + s) d + a), the first one {@value #EMPTY} for an empty
     * slot; the first overflow particle of each cell.
     */
    final int[][] slotParticle;
    final double[][] slotCoordinate;
    final int[][] overflow;
    /**
     * The prefix counts of all groups in one array, so that a planned lookup is a single index:
     * at {@link #blockIndex}(k, row, b), the particles of group k in the blocks of the row before
     * block b (at b = blocks, the row total); at {@link #cellIndex}(k, row, c), those in the cells of
     * the same block before cell c (0 at c = C).
     */
    final int[] counts;
    private final int[] blockBase;
    private final int[] cellBase;

    /**
     * Files every particle in the grid of its group.
     *
     * @param nodes    number of velocity nodes (groups), present or not
     * @param comoving the co-moving coordinates, N x d, in [0, 1)
     * @param node     the velocity node of each particle, each in 0..nodes-1
     */
    CoMovingGrids(int dimension, int nodes, double[] comoving, int[] node) {
        this.dimension = dimension;
        this.comoving = comoving;
        this.node = node;
        int size = node.length;
        groupSize = new int[nodes];
        for (int i = 0; i < size; i++) {
            groupSize[node[i]]++;
        }
        active = new int[nodes];
        for (int k = 0; k < nodes; k++) {
            if (groupSize[k] > 0) {
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
    }

    /** Index in {@link #counts} of the particles of group k in the blocks of a row before block b. */
    int blockIndex(int k, int row, int b) {
        return blockBase[k] + row * (blocksPerRow + 1) + b;
    }

    /** Index in {@link #counts} of the particles of group k in the cells of a row before cell c, within its block. */
    int cellIndex(int k, int row, int c) {
        return cellBase[k] + row * (cellsPerAxis + 1) + c;
    }

    /**
     * The particles of group k in cells 0..c-1 of its 1D row unrolled over [-C, 2C) (negative for
     * c < 0): the prefix of c mod C plus a row total per turn, so that the count of any run of
     * cells, wrapped or not, is one difference of two prefixes.
     */
    int prefix1d(int k, int c, int total) {
        int wrapped = c & (cellsPerAxis - 1);
        int turns = c >> axisBits;
        return counts[blockBase[k] + (wrapped >> blockBits)] + counts[cellBase[k] + wrapped] + turns * total;
    }

    /** The particle in inline slot s of the group at position slot of the active list. */
    int particleInSlot(int slot, int s) {
        return slotParticle[active[slot]][s];
    }

    /** Takes particle i out of the grid of its group, which leaves the active list if it empties. */
    void remove(int i) {
        int k = node[i];
        unlink(i);
        if (--groupSize[k] == 0) {
            deactivate(k);
        }
    }

    /** Files particle i, with its current node and co-moving coordinates, in the grid of its group. */
    void insert(int i) {
        groupSize[node[i]]++;
        link(i);
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
}
