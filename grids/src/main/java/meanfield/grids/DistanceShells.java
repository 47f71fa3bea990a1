package meanfield.grids;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The cells of a {@link PeriodicCells} torus ordered by the minimum-image distance of their
 * centres from a cell's centre, grouped into shells of equal distance (ties). The order is the
 * same from every cell up to translation, so it is computed once as offsets.
 */
public final class DistanceShells {
    private final PeriodicCells cells;
    /** offsets[a][rank]: the shift along dimension a of the cell at that rank (one array per dimension, read in sweeps). */
    private final int[][] offsets;
    private final int[] shellStart;
    private final double[] shellRadius;

    public DistanceShells(PeriodicCells cells) {
        this.cells = cells;
        int d = cells.dimension();
        int n = cells.perDimension();
        int count = cells.count();
        Integer[] order = new Integer[count];
        long[] squared = new long[count];
        int[][] all = new int[count][d];
        for (int c = 0; c < count; c++) {
            order[c] = c;
            long s = 0;
            for (int a = 0; a < d; a++) {
                int o = cells.coordinate(c, a);
                int image = o <= n / 2 ? o : o - n;
                all[c][a] = image;
                s += (long) image * image;
            }
            squared[c] = s;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer c) -> squared[c]).thenComparingInt(c -> c));
        this.offsets = new int[d][count];
        int[] starts = new int[count + 1];
        double[] radii = new double[count];
        int shells = 0;
        for (int r = 0; r < count; r++) {
            for (int a = 0; a < d; a++) {
                offsets[a][r] = all[order[r]][a];
            }
            if (r == 0 || squared[order[r]] != squared[order[r - 1]]) {
                starts[shells] = r;
                radii[shells] = Math.sqrt((double) squared[order[r]]) / n;
                shells++;
            }
        }
        starts[shells] = count;
        this.shellStart = Arrays.copyOf(starts, shells + 1);
        this.shellRadius = Arrays.copyOf(radii, shells);
    }

    public PeriodicCells cells() {
        return cells;
    }

    public int shellCount() {
        return shellRadius.length;
    }

    /** Members of shell s are the offsets at ranks shellStart(s) .. shellStart(s + 1) - 1. */
    public int shellStart(int s) {
        return shellStart[s];
    }

    /** Distance between the centres of a cell and the members of shell s. */
    public double shellRadius(int s) {
        return shellRadius[s];
    }

    /** The cell at the given rank (0 = the cell itself) from {@code cell}. */
    public int member(int cell, int rank) {
        int c = cell;
        for (int a = 0; a < offsets.length; a++) {
            c = cells.shifted(c, a, offsets[a][rank]);
        }
        return c;
    }

    /** All cells in rank order from {@code cell}: out[rank] = member(cell, rank), in one pass. */
    public void members(int cell, int[] out) {
        int d = cells.dimension();
        int n = cells.perDimension();
        for (int r = 0; r < out.length; r++) {
            out[r] = 0;
        }
        for (int a = 0; a < d; a++) {
            int base = cells.coordinate(cell, a);
            int stride = cells.stride(a);
            int[] shift = offsets[a];
            for (int r = 0; r < out.length; r++) {
                int j = base + shift[r];
                out[r] += (j < 0 ? j + n : j >= n ? j - n : j) * stride;
            }
        }
    }
}
