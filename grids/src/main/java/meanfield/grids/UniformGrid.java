package meanfield.grids;

/**
 * A uniform partition of [min, max] into {@code cells} cells of width h; cell k is
 * [min + k h, min + (k+1) h] with centre min + (k + 1/2) h.
 */
public final class UniformGrid {
    private final double min;
    private final double max;
    private final int cells;
    private final double h;

    public UniformGrid(double min, double max, int cells) {
        if (cells < 1) {
            throw new IllegalArgumentException("a grid needs at least one cell, got " + cells);
        }
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a grid needs finite min < max, got [" + min + ", " + max + "]");
        }
        this.min = min;
        this.max = max;
        this.cells = cells;
        this.h = (max - min) / cells;
    }

    /** The label grid: M cells on [0, 1]. */
    public static UniformGrid unitInterval(int cells) {
        return new UniformGrid(0.0, 1.0, cells);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public int cells() {
        return cells;
    }

    /** Cell width. */
    public double h() {
        return h;
    }

    public double center(int k) {
        return min + (k + 0.5) * h;
    }

    /** Face k is the left edge of cell k; face {@code cells} is max. */
    public double face(int k) {
        return k == cells ? max : min + k * h;
    }

    public double[] centers() {
        double[] c = new double[cells];
        for (int k = 0; k < cells; k++) {
            c[k] = center(k);
        }
        return c;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "] in " + cells + " cells";
    }
}
