package meanfield.validation.study;

/**
 * How much of each cell of one partition lies in each bin of another: the weights that carry cell
 * averages onto histogram bins when the two grids do not line up (bins of a particle histogram
 * against the cells or collocation nodes of a continuum solution).
 */
public final class IntervalOverlap {
    private IntervalOverlap() {
    }

    /** The length of [a0, a1] inside [b0, b1] (0 when they are disjoint). */
    public static double length(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    /**
     * fraction[b][c]: the share of cell c (between cellEdges[c] and cellEdges[c + 1]) that lies in bin b
     * (between binEdges[b] and binEdges[b + 1]); each column sums to 1 where the bins cover the cell.
     */
    public static double[][] fractions(double[] binEdges, double[] cellEdges) {
        int bins = binEdges.length - 1;
        int cells = cellEdges.length - 1;
        double[][] fraction = new double[bins][cells];
        for (int b = 0; b < bins; b++) {
            for (int c = 0; c < cells; c++) {
                double width = cellEdges[c + 1] - cellEdges[c];
                fraction[b][c] = length(cellEdges[c], cellEdges[c + 1], binEdges[b], binEdges[b + 1]) / width;
            }
        }
        return fraction;
    }

    /**
     * fraction[b][j] on the unit circle: the share of the cell of width 1/n centred at point j (n the
     * number of points; cell centres of finite volumes or nodes j/n of a Fourier grid, whose cells
     * straddle 0) that lies in bin b of {@code bins} equal bins on [0, 1); a cell that wraps around 0
     * is counted on both sides. Every column sums to 1.
     */
    public static double[][] periodicFractions(double[] points, int bins) {
        int n = points.length;
        double h = 1.0 / n;
        double[][] fraction = new double[bins][n];
        for (int j = 0; j < n; j++) {
            double left = points[j] - h / 2;
            for (int b = 0; b < bins; b++) {
                double b0 = (double) b / bins;
                double b1 = (double) (b + 1) / bins;
                // Images of the cell one period to either side catch the part that wraps around 0 or 1.
                double inside = 0;
                for (int shift = -1; shift <= 1; shift++) {
                    inside += length(left + shift, left + shift + h, b0, b1);
                }
                fraction[b][j] = inside / h;
            }
        }
        return fraction;
    }
}
