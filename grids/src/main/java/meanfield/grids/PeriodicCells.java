package meanfield.grids;

/**
 * The torus [0,1)^d cut into n cells per dimension (n^d cells of volume h^d, h = 1/n), indexed
 * with the first dimension slowest: cell (i_1, ..., i_d) is sum_a i_a n^(d-a). Cell centres are
 * ((i_a + 1/2) h).
 */
public final class PeriodicCells {
    private final int dimension;
    private final int n;
    private final int count;

    public PeriodicCells(int dimension, int n) {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("dimension must be 1, 2 or 3, got " + dimension);
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 cells per dimension, got " + n);
        }
        long total = 1;
        for (int a = 0; a < dimension; a++) {
            total *= n;
        }
        if (total > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException(n + "^" + dimension + " cells is too many");
        }
        this.dimension = dimension;
        this.n = n;
        this.count = (int) total;
    }

    public int dimension() {
        return dimension;
    }

    /** Cells per dimension. */
    public int perDimension() {
        return n;
    }

    public int count() {
        return count;
    }

    public double h() {
        return 1.0 / n;
    }

    public double volume() {
        return Math.pow(h(), dimension);
    }

    /** Stride of dimension a in the cell index. */
    public int stride(int a) {
        int s = 1;
        for (int b = a + 1; b < dimension; b++) {
            s *= n;
        }
        return s;
    }

    /** Coordinate index of a cell along dimension a. */
    public int coordinate(int cell, int a) {
        return (cell / stride(a)) % n;
    }

    /** The cell shifted by {@code shift} cells along dimension a, periodically. */
    public int shifted(int cell, int a, int shift) {
        int s = stride(a);
        int i = (cell / s) % n;
        int j = Math.floorMod(i + shift, n);
        return cell + (j - i) * s;
    }

    /** Centre of a cell, written into x (length d). */
    public void center(int cell, double[] x) {
        for (int a = 0; a < dimension; a++) {
            x[a] = (coordinate(cell, a) + 0.5) / n;
        }
    }
}
