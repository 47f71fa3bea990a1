package meanfield.solvers.time;

import java.util.Arrays;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * A small production–destruction system y' = A(t, y) y with A given as a dense matrix function,
 * its linear systems solved densely by LU: slow, but exact to round-off and obviously right.
 */
final class DensePds implements ProductionDestructionSystem {
    /** A(t, y): Metzler with zero column sums. */
    @FunctionalInterface
    interface Matrix {
        double[][] at(double t, double[] y);
    }

    private final Matrix matrix;
    private final int size;
    private final double[][][] frozen = new double[2][][];

    DensePds(int size, Matrix matrix) {
        this.size = size;
        this.matrix = matrix;
    }

    /**
     * Three species, mass moving 0 -> 1 at the nonlinear rate 2 y1 / (1 + y0) (so the flux
     * 2 y0 y1 / (1 + y0) is quadratic-rational), 1 -> 2 at a rate oscillating in t, 2 -> 0 at a
     * constant rate.
     */
    static DensePds nonlinear() {
        return new DensePds(3, (t, y) -> {
            double r0 = 2 * y[1] / (1 + y[0]);
            double r1 = 0.8 * (1 + 0.5 * Math.sin(3 * t));
            double r2 = 0.4;
            return new double[][] {
                {-r0, 0, r2},
                {r0, -r1, 0},
                {0, r1, -r2}};
        });
    }

    static DensePds linear(double[][] a) {
        return new DensePds(a.length, (t, y) -> a);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void freeze(int slot, double t, double[] y) {
        frozen[slot] = matrix.at(t, y);
    }

    @Override
    public void solve(double dt, double w0, double[] scale0, double w1, double[] rhs, double[] out) {
        double[][] m = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                double s = scale0 == null ? 1.0 : scale0[j];
                double entry = w0 * frozen[0][i][j] * s + (w1 == 0 ? 0 : w1 * frozen[1][i][j]);
                m[i][j] = (i == j ? 1 : 0) - dt * entry;
            }
        }
        // The matrix has unit column sums, so adding all other equations to the last one turns it into
        // sum(out) = sum(rhs): an elementary row operation that pins the mass to round-off, where LU
        // alone keeps it only to eps dt |A| (1e-13 at dt |A| = 1e9).
        double[] b = rhs.clone();
        for (int i = 0; i < size - 1; i++) {
            b[size - 1] += rhs[i];
        }
        Arrays.fill(m[size - 1], 1.0);
        RealMatrix x = new LUDecomposition(MatrixUtils.createRealMatrix(m)).getSolver()
                .solve(MatrixUtils.createColumnRealMatrix(b));
        for (int i = 0; i < size; i++) {
            out[i] = x.getEntry(i, 0);
        }
    }

    @Override
    public String locate(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                return "species " + i;
            }
        }
        return "nowhere";
    }

    @Override
    public double errorNorm(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** A(t, y) y, for the reference integrator. */
    double[] derivative(double t, double[] y) {
        double[][] a = matrix.at(t, y);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                out[i] += a[i][j] * y[j];
            }
        }
        return out;
    }
}
