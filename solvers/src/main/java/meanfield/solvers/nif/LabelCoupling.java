package meanfield.solvers.nif;

import java.util.Locale;

import meanfield.grids.CellAverages;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.InvalidModelException.Part;
import meanfield.solvers.model.SynapticKernel;

/**
 * The synaptic input J(xi) = int w(xi, d zeta) r(zeta) (MODEL.md 1.2) on a label grid of M cells as
 * a dense row-major M x M matrix C: J_k = sum_l C[k * M + l] r_l, row k the receiving label, r_l the
 * rate of label cell l. The quadrature weight is folded in, so a solver applies C as it is, once per
 * rate evaluation. Two discretizations, one per kind of solver:
 * <ul>
 * <li>{@link #finiteVolume}: r_l is a cell value and J_k a cell average, second order;</li>
 * <li>{@link #pointwise}: r_l and J_k are values at the cell centres, which are the nodes of the
 * midpoint rule, spectrally accurate for kernels and rates periodic in xi.</li>
 * </ul>
 * A measure kernel w(xi, d zeta) = sum_a a_a(xi) delta(zeta - T_a(xi)) needs r between the centres:
 * each row holds a_a(xi_k) times the weights of an interpolation of r at T_a(xi_k) mod 1. r is not
 * periodic in xi in general (labels 0 and 1 are different neurons), so the stencil never wraps
 * around the label circle: near an end it is shifted inward, extrapolating.
 */
public final class LabelCoupling {
    /** Gauss–Legendre points per axis of a function kernel's cell averages (finite volumes). */
    private static final int QUADRATURE_POINTS = 3;
    /**
     * A target within this many cell widths of a centre is that centre, so that T(xi) = xi couples each
     * label to itself alone (C diagonal) although (k + 1/2) h / h - 1/2 may miss k by an ulp.
     */
    private static final double ON_CENTRE = 1e-9;

    private LabelCoupling() {
    }

    /**
     * For the finite volumes: a function kernel's cell averages (3 x 3 Gauss points per cell pair) over
     * M, a cell-averaged kernel's values over M, and for a measure the linear interpolation of r between
     * the two centres that bracket each target (second order, like the finite volumes themselves).
     */
    public static double[] finiteVolume(SynapticKernel kernel, UniformGrid labels) {
        int nl = labels.cells();
        if (kernel instanceof SynapticKernel.Function function) {
            return scaled(CellAverages.of(function.w(), labels, labels, QUADRATURE_POINTS), nl);
        }
        if (kernel instanceof SynapticKernel.CellAveraged averaged) {
            return scaled(onGrid(averaged, nl), nl);
        }
        return measure((SynapticKernel.Measure) kernel, labels, 2);
    }

    /**
     * For a solver that takes the cell centres as quadrature nodes: a function kernel sampled there,
     * w(xi_k, zeta_l) / M; a cell-averaged (or a network's step) kernel as in {@link #finiteVolume},
     * since its values are all it has; for a measure, Lagrange interpolation of r on the
     * {@code interpolationPoints} centres nearest each target (all M when there are fewer), of that
     * order for a smooth r.
     */
    public static double[] pointwise(SynapticKernel kernel, UniformGrid labels, int interpolationPoints) {
        if (interpolationPoints < 1) {
            throw new IllegalArgumentException("interpolation needs at least one point, got " + interpolationPoints);
        }
        int nl = labels.cells();
        if (kernel instanceof SynapticKernel.Function function) {
            return scaled(sampled(function, labels), nl);
        }
        if (kernel instanceof SynapticKernel.CellAveraged averaged) {
            return scaled(onGrid(averaged, nl), nl);
        }
        return measure((SynapticKernel.Measure) kernel, labels, interpolationPoints);
    }

    private static double[] onGrid(SynapticKernel.CellAveraged averaged, int nl) {
        if (averaged.cells() != nl) {
            throw new InvalidModelException(Part.KERNEL, "the kernel is given on " + averaged.cells()
                    + " label cells but the label grid has " + nl);
        }
        return averaged.values().clone();
    }

    private static double[] sampled(SynapticKernel.Function function, UniformGrid labels) {
        int nl = labels.cells();
        double[] w = new double[nl * nl];
        for (int k = 0; k < nl; k++) {
            double xi = labels.center(k);
            for (int l = 0; l < nl; l++) {
                w[k * nl + l] = function.w().applyAsDouble(xi, labels.center(l));
            }
        }
        return w;
    }

    /** w / M, refusing a value that is not finite with the label cell it belongs to. */
    private static double[] scaled(double[] w, int nl) {
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                // Located by the labels a user can read off the formula, not by cell indices.
                int a = i / nl;
                int b = i % nl;
                throw new InvalidModelException(Part.KERNEL, String.format(Locale.ROOT, "the kernel is not"
                        + " finite on the label cell xi in [%s, %s], zeta in [%s, %s] (cell (%d, %d) of %d x %d)",
                        edge(a, nl), edge(a + 1, nl), edge(b, nl), edge(b + 1, nl), a, b, nl, nl));
            }
            w[i] /= nl;
        }
        return w;
    }

    /** The label k / n, written short. */
    private static String edge(int k, int n) {
        return String.format(Locale.ROOT, "%.6g", (double) k / n).replaceFirst("\\.?0+$", "");
    }

    /**
     * Row k: sum over atoms of a(xi_k) times the Lagrange weights of r at T(xi_k) mod 1 on the
     * {@code points} centres nearest it (2: linear between the bracketing centres), the stencil kept
     * inside [0, M).
     */
    private static double[] measure(SynapticKernel.Measure measure, UniformGrid labels, int points) {
        int nl = labels.cells();
        int p = Math.min(points, nl);
        double h = labels.h();
        double[] c = new double[nl * nl];
        double[] lagrange = new double[p];
        for (int k = 0; k < nl; k++) {
            double xi = labels.center(k);
            for (int atom = 0; atom < measure.size(); atom++) {
                double a = measure.weight(atom, xi);
                if (!Double.isFinite(a)) {
                    throw new InvalidModelException(Part.KERNEL, String.format(Locale.ROOT, "measure[%d]: the weight"
                            + " a(xi) = %s is not finite at xi = %s", atom, a, xi));
                }
                double zeta = measure.target(atom, xi);
                if (Double.isNaN(zeta)) {
                    throw new InvalidModelException(Part.KERNEL, String.format(Locale.ROOT, "measure[%d]: the map"
                            + " T(xi) = %s is not finite at xi = %s", atom, measure.atoms().get(atom).map()
                            .applyAsDouble(xi), xi));
                }
                // The target in units of cells, measured from the first centre.
                double s = (zeta - labels.min()) / h - 0.5;
                double nearest = Math.rint(s);
                if (Math.abs(s - nearest) < ON_CENTRE) {
                    s = nearest;
                }
                // The p centres nearest s: the stencil centre (p - 1)/2 cells right of its start lies
                // within half a cell of s; shifted inward where it would leave the grid.
                int start = (int) Math.floor(s - (p - 2) / 2.0);
                start = Math.max(0, Math.min(nl - p, start));
                weights(s, start, lagrange);
                int row = k * nl + start;
                for (int j = 0; j < p; j++) {
                    c[row + j] += a * lagrange[j];
                }
            }
        }
        return c;
    }

    /**
     * The Lagrange basis at s on the integer nodes start .. start + p - 1: exactly 1 and 0 when s is
     * a node, so a target on a centre takes that centre's rate alone.
     */
    private static void weights(double s, int start, double[] out) {
        int p = out.length;
        for (int j = 0; j < p; j++) {
            double w = 1;
            for (int m = 0; m < p; m++) {
                if (m != j) {
                    w *= (s - (start + m)) / (j - m);
                }
            }
            out[j] = w;
        }
    }
}
