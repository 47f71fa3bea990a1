package meanfield.grids.fourier;

import java.util.function.ToDoubleFunction;

/**
 * The collocation grid of the torus [0,1)^d: n nodes j/n per dimension (d = 1, 2 or 3, n even).
 * Values on it are stored row-major with the last coordinate fastest, so the value at
 * (j0/n, j1/n, j2/n) sits at index (j0 n + j1) n + j2: arrays are indexed [x, y, z].
 */
public final class PeriodicGrid {
    private final int dimension;
    private final int n;
    private final int size;

    public PeriodicGrid(int dimension, int n) {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("a periodic grid has dimension 1, 2 or 3, got " + dimension);
        }
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("a periodic grid needs an even number of points >= 2 per dimension, got "
                    + n);
        }
        long total = 1;
        for (int a = 0; a < dimension; a++) {
            total *= n;
        }
        if (total > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("a periodic grid of " + n + "^" + dimension + " points is too large");
        }
        this.dimension = dimension;
        this.n = n;
        this.size = (int) total;
    }

    public int dimension() {
        return dimension;
    }

    /** Points per dimension. */
    public int n() {
        return n;
    }

    /** Points in all: n^d. */
    public int size() {
        return size;
    }

    /** Spacing 1/n. */
    public double h() {
        return 1.0 / n;
    }

    /** The coordinate j/n of node j along any axis. */
    public double node(int j) {
        return (double) j / n;
    }

    /** The n nodes of one axis. */
    public double[] nodes() {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = node(j);
        }
        return x;
    }

    /** Writes the coordinates of grid point {@code index} into x (length d). */
    public void point(int index, double[] x) {
        int rest = index;
        for (int a = dimension - 1; a >= 0; a--) {
            x[a] = node(rest % n);
            rest /= n;
        }
    }

    /**
     * f at every grid point, row-major. The coordinate array handed to f is reused from one
     * point to the next: f must not keep it.
     */
    public double[] sample(ToDoubleFunction<double[]> f) {
        double[] x = new double[dimension];
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            point(i, x);
            values[i] = f.applyAsDouble(x);
        }
        return values;
    }

    /**
     * The signed wavenumber of FFT index i along a full axis: i for i < n/2, i - n otherwise
     * (the Nyquist index n/2 counts as -n/2, as numpy.fft.fftfreq has it).
     */
    public int wavenumber(int index) {
        return index < n / 2 ? index : index - n;
    }

    @Override
    public String toString() {
        return "[0,1)^" + dimension + " with " + n + " points per dimension";
    }
}
