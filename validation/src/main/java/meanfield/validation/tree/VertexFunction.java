package meanfield.validation.tree;

import java.util.function.DoubleUnaryOperator;

/** A test function phi(v) on a vertex of a tree observable, with the name a spec gives it. */
public record VertexFunction(String name, DoubleUnaryOperator phi) {

    public double value(double v) {
        return phi.applyAsDouble(v);
    }

    public static VertexFunction one() {
        return new VertexFunction("1", v -> 1.0);
    }

    public static VertexFunction potential() {
        return new VertexFunction("v", v -> v);
    }

    /** The model's firing rate nu(v). */
    public static VertexFunction rate(DoubleUnaryOperator nu) {
        return new VertexFunction("nu", nu);
    }

    /** The indicator of a <= v < b (half open, so adjacent intervals split the line without overlap). */
    public static VertexFunction indicator(double a, double b) {
        if (!(a < b)) {
            throw new IllegalArgumentException("an indicator ind[a,b] needs a < b, got a = " + a + ", b = " + b);
        }
        return new VertexFunction("ind[" + format(a) + "," + format(b) + "]", v -> a <= v && v < b ? 1.0 : 0.0);
    }

    /** As the spec grammar writes numbers, so that a name parses back to the same function. */
    private static String format(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return Double.toString(x);
    }
}
