package meanfield.validation.study;

import java.util.List;

import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;

/**
 * Discrete norms of a field over the points of a layout: L1 and L2 weighted by the spacing of each
 * axis (cell width or node spacing, 1 on index axes such as velocity nodes), max unweighted.
 */
public enum Norm {
    L1, L2, MAX;

    /** The norm of a - b, both slices of the named variable of the layout. */
    public double of(double[] a, double[] b, ResultLayout layout, String name) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("fields of " + a.length + " and " + b.length + " values");
        }
        double weight = weight(layout, name);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double e = Math.abs(a[i] - b[i]);
            sum += this == L2 ? e * e : e;
            max = Math.max(max, e);
        }
        return switch (this) {
            case L1 -> weight * sum;
            case L2 -> Math.sqrt(weight * sum);
            case MAX -> max;
        };
    }

    /** The product of the spacings of the variable's spatial axes. */
    private static double weight(ResultLayout layout, String name) {
        Variable v = layout.variables().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variable " + name));
        List<String> dims = v.timeDependent() ? v.dims().subList(1, v.dims().size()) : v.dims();
        double weight = 1;
        for (String d : dims) {
            Axis axis = layout.axis(d);
            if (axis.length() > 1 && !d.equals("velocity") && !d.equals("component")) {
                weight *= axis.values()[1] - axis.values()[0];
            }
        }
        return weight;
    }
}
