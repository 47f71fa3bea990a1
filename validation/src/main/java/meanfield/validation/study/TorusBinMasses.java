package meanfield.validation.study;

/**
 * A continuum field on the unit torus T^d, given per unit volume at n points per axis (cell centres
 * or Fourier nodes; arrays indexed [x, y, z, component] with the component fastest), integrated over
 * the bins^d equal bins of a particle histogram (indexed the same way): mass per bin and component.
 * Each point stands for the cell of width 1/n centred at it, split between bins by
 * {@link IntervalOverlap#periodicFractions}: exact for finite-volume cell averages, the midpoint rule
 * (second order in 1/n) for point values.
 */
public final class TorusBinMasses {
    private final int dimension;
    private final int points;
    private final int bins;
    private final int components;
    private final double[][] fraction;

    /**
     * @param points     the positions of the values along every axis (the same along each), in [0, 1)
     * @param dimension  d
     * @param bins       histogram bins per axis
     * @param components values per point (velocity nodes; 1 for a density)
     */
    public TorusBinMasses(double[] points, int dimension, int bins, int components) {
        if (dimension < 1 || bins < 1 || components < 1) {
            throw new IllegalArgumentException("dimension, bins and components must be positive, got " + dimension
                    + ", " + bins + ", " + components);
        }
        this.dimension = dimension;
        this.points = points.length;
        this.bins = bins;
        this.components = components;
        this.fraction = IntervalOverlap.periodicFractions(points, bins);
    }

    /** Values in a histogram: bins^d x components. */
    public int size() {
        return (int) Math.pow(bins, dimension) * components;
    }

    /** The mass of the field in every bin and component (the field per unit volume, points^d x components values). */
    public double[] masses(double[] field) {
        int expected = (int) Math.pow(points, dimension) * components;
        if (field.length != expected) {
            throw new IllegalArgumentException("a field of " + field.length + " values, expected " + expected);
        }
        // One axis at a time: the bins of axis a replace its points, the other axes untouched.
        double[] current = field;
        int before = 1;
        int after = (int) Math.pow(points, dimension - 1) * components;
        for (int a = 0; a < dimension; a++) {
            double[] next = new double[before * bins * after];
            for (int i = 0; i < before; i++) {
                for (int b = 0; b < bins; b++) {
                    int out = (i * bins + b) * after;
                    for (int j = 0; j < points; j++) {
                        double w = fraction[b][j];
                        if (w == 0) {
                            continue;
                        }
                        int in = (i * points + j) * after;
                        for (int k = 0; k < after; k++) {
                            next[out + k] += w * current[in + k];
                        }
                    }
                }
            }
            current = next;
            before *= bins;
            after /= points;
        }
        double volume = Math.pow(1.0 / points, dimension);
        for (int i = 0; i < current.length; i++) {
            current[i] *= volume;
        }
        return current;
    }
}
