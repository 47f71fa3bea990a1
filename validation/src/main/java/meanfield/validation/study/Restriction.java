package meanfield.validation.study;

import java.util.List;

import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;

/**
 * A slice of a fine result brought onto the points of a coarse one, axis by axis, so that two
 * levels are only ever compared at the same points:
 * <ul>
 * <li>an axis of the same length and values is kept;</li>
 * <li>an axis whose coarse values are fine values k i (collocation nodes j/n) is subsampled: exact
 * at those points;</li>
 * <li>an axis whose coarse values are means of k consecutive fine values (cell centres) is averaged
 * over groups of k cells: conservative, and a field constant on coarse cells is kept.</li>
 * </ul>
 * Anything else (a factor that is not a whole number, shifted points) is refused.
 */
public final class Restriction {
    private static final double TOLERANCE = 1e-9;

    private Restriction() {
    }

    /** How one axis is brought from fine to coarse. */
    private enum Kind { SAME, SUBSAMPLE, AVERAGE }

    /**
     * @param name the variable, time-dependent or not; its slice (one output) is restricted
     * @return the fine slice on the coarse points, in the coarse layout's order
     */
    public static double[] restrict(ResultLayout fine, double[] fineSlice, ResultLayout coarse, String name) {
        Variable fv = variable(fine, name);
        Variable cv = variable(coarse, name);
        List<String> dims = spatial(fv);
        if (!dims.equals(spatial(cv))) {
            throw new IllegalArgumentException(name + " is over " + dims + " in one run and " + spatial(cv) + " in the other");
        }
        double[] values = fineSlice;
        int[] shape = fine.shape(fv);
        for (int a = 0; a < dims.size(); a++) {
            Axis f = fine.axis(dims.get(a));
            Axis c = coarse.axis(dims.get(a));
            Kind kind = kind(f.values(), c.values());
            if (kind == Kind.SAME) {
                continue;
            }
            values = alongAxis(values, shape, a, f.length() / c.length(), kind);
            shape[a] = c.length();
        }
        return values;
    }

    private static List<String> spatial(Variable v) {
        return v.timeDependent() ? v.dims().subList(1, v.dims().size()) : v.dims();
    }

    private static Variable variable(ResultLayout layout, String name) {
        return layout.variables().stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variable " + name));
    }

    private static Kind kind(double[] fine, double[] coarse) {
        if (fine.length == coarse.length) {
            for (int i = 0; i < fine.length; i++) {
                if (Math.abs(fine[i] - coarse[i]) > TOLERANCE * Math.max(1, Math.abs(coarse[i]))) {
                    throw new IllegalArgumentException("the two runs give values at different points");
                }
            }
            return Kind.SAME;
        }
        if (fine.length % coarse.length != 0) {
            throw new IllegalArgumentException(fine.length + " fine points are not a whole multiple of "
                    + coarse.length + " coarse points");
        }
        int k = fine.length / coarse.length;
        boolean nodes = true;
        boolean cells = true;
        for (int i = 0; i < coarse.length; i++) {
            double scale = Math.max(1, Math.abs(coarse[i]));
            nodes &= Math.abs(fine[k * i] - coarse[i]) <= TOLERANCE * scale;
            double mean = 0;
            for (int j = 0; j < k; j++) {
                mean += fine[k * i + j];
            }
            cells &= Math.abs(mean / k - coarse[i]) <= TOLERANCE * scale;
        }
        if (nodes) {
            return Kind.SUBSAMPLE;
        }
        if (cells) {
            return Kind.AVERAGE;
        }
        throw new IllegalArgumentException("the coarse points are neither fine nodes nor means of fine cells");
    }

    /** Restricts axis a (of the row-major shape) by factor k. */
    private static double[] alongAxis(double[] values, int[] shape, int a, int k, Kind kind) {
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= shape[i];
        }
        int inner = 1;
        for (int i = a + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int fineLength = shape[a];
        int coarseLength = fineLength / k;
        double[] out = new double[outer * coarseLength * inner];
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < coarseLength; c++) {
                for (int i = 0; i < inner; i++) {
                    double value;
                    if (kind == Kind.SUBSAMPLE) {
                        value = values[(o * fineLength + k * c) * inner + i];
                    } else {
                        double sum = 0;
                        for (int j = 0; j < k; j++) {
                            sum += values[(o * fineLength + k * c + j) * inner + i];
                        }
                        value = sum / k;
                    }
                    out[(o * coarseLength + c) * inner + i] = value;
                }
            }
        }
        return out;
    }
}
