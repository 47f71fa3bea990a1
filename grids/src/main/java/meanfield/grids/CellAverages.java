package meanfield.grids;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Cell averages of functions on uniform grids by Gauss–Legendre quadrature in each cell
 * (each product cell in 2D), so data enter a finite-volume scheme as the averages it evolves.
 */
public final class CellAverages {
    private CellAverages() {
    }

    /** Averages of f over the cells of g, with an n-point rule per cell. */
    public static double[] of(DoubleUnaryOperator f, UniformGrid g, int n) {
        GaussLegendre unit = GaussLegendre.on(n, 0.0, 1.0);
        double[] out = new double[g.cells()];
        for (int k = 0; k < g.cells(); k++) {
            double a = g.face(k);
            double sum = 0.0;
            for (int q = 0; q < n; q++) {
                sum += unit.weight(q) * f.applyAsDouble(a + unit.node(q) * g.h());
            }
            out[k] = sum;
        }
        return out;
    }

    /**
     * Averages of f(x, y) over the product cells of gx and gy, row-major (index i * ny + j),
     * with an n x n rule per cell.
     */
    public static double[] of(DoubleBinaryOperator f, UniformGrid gx, UniformGrid gy, int n) {
        GaussLegendre unit = GaussLegendre.on(n, 0.0, 1.0);
        int ny = gy.cells();
        double[] out = new double[gx.cells() * ny];
        for (int i = 0; i < gx.cells(); i++) {
            for (int j = 0; j < ny; j++) {
                double sum = 0.0;
                for (int p = 0; p < n; p++) {
                    double x = gx.face(i) + unit.node(p) * gx.h();
                    for (int q = 0; q < n; q++) {
                        double y = gy.face(j) + unit.node(q) * gy.h();
                        sum += unit.weight(p) * unit.weight(q) * f.applyAsDouble(x, y);
                    }
                }
                out[i * ny + j] = sum;
            }
        }
        return out;
    }
}
