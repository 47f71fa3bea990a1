package meanfield.solvers.nif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import meanfield.grids.LobattoElements;
import meanfield.grids.UniformGrid;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;

/**
 * A sink between a spectral NIF run and a consumer written for the finite volumes' cell averages
 * (the histograms of {@code validate}): the density at the element nodes becomes its exact averages
 * over the cells of a uniform v grid, and the v axis their centres. The averages are a fixed linear
 * map of the nodal values (the integrals of the element polynomials over each cell), tabulated once.
 */
public final class SpectralCellAverages implements ResultSink {
    private final UniformGrid cells;
    private final ResultSink next;
    /** P[k * n + j]: the average over cell k of the Lagrange polynomial of node j. */
    private final double[] projection;
    private final int n;
    private int slot = -1;
    private double[][] converted;
    /** The cell averages of one output, reused: the next sink copies what it keeps. */
    private double[] averages;

    public SpectralCellAverages(LobattoElements v, UniformGrid cells, ResultSink next) {
        if (cells.min() < v.min() - 1e-12 || cells.max() > v.max() + 1e-12) {
            throw new IllegalArgumentException("the cells [" + cells.min() + ", " + cells.max()
                    + "] reach beyond the elements [" + v.min() + ", " + v.max() + "]");
        }
        this.cells = cells;
        this.next = next;
        this.n = v.size();
        this.projection = new double[cells.cells() * n];
        double[] unit = new double[n];
        for (int j = 0; j < n; j++) {
            unit[j] = 1;
            for (int k = 0; k < cells.cells(); k++) {
                projection[k * n + j] = v.integrate(unit, 0, cells.face(k), cells.face(k + 1)) / cells.h();
            }
            unit[j] = 0;
        }
    }

    @Override
    public void begin(ResultLayout layout, int outputs, int first) {
        List<Axis> axes = new ArrayList<>();
        for (Axis a : layout.axes()) {
            axes.add(a.name().equals("v") ? new Axis("v", a.units(), "membrane potential (cell centres)",
                    cells.centers()) : a);
        }
        slot = layout.slot("density");
        converted = new double[layout.perOutput().size()][];
        next.begin(new ResultLayout(axes, layout.variables()), outputs, first);
    }

    @Override
    public void output(int index, double t, double[][] slices) {
        System.arraycopy(slices, 0, converted, 0, slices.length);
        double[] density = slices[slot];
        int labels = density.length / n;
        int nv = cells.cells();
        if (averages == null || averages.length != labels * nv) {
            averages = new double[labels * nv];
        }
        for (int l = 0; l < labels; l++) {
            for (int k = 0; k < nv; k++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += projection[k * n + j] * density[l * n + j];
                }
                averages[l * nv + k] = sum;
            }
        }
        converted[slot] = averages;
        next.output(index, t, converted);
    }

    @Override
    public void finish(int outputsReached, Map<String, double[]> finalValues) {
        next.finish(outputsReached, finalValues);
    }
}
