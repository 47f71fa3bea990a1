package meanfield.validation.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the compact spec of a tree observable that the command line passes:
 * <pre>
 *   spec     := shape ':' function (',' function)*      one function per vertex, the root first
 *   shape    := 'chain' | 'star'                          chain: 1 -> 2 -> ... -> n; star: root 1, leaves 2..n
 *   function := '1' | 'v' | 'nu' | 'ind[' number ',' number ']'
 *   number   := a decimal such as -0.5, 2, 1e-3 | 'inf' | '-inf'
 * </pre>
 * with 1 to {@link TreeShape#MAX_VERTICES} functions; blanks around tokens are ignored. Examples:
 * {@code chain:1,v,nu}, {@code star:nu,1,1}, {@code chain:ind[0,1],ind[1,inf]}. {@code nu} is the
 * model's firing rate, {@code ind[a,b]} the indicator of a <= v < b.
 */
public final class TreeSpec {
    private static final String NUMBER = "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?inf)\\s*";
    private static final Pattern INDICATOR = Pattern.compile("ind\\[" + NUMBER + "," + NUMBER + "\\]");

    private TreeSpec() {
    }

    /** The observable the spec describes; a malformed spec throws IllegalArgumentException naming the spec and the fault. */
    public static TreeObservable parse(String spec, DoubleUnaryOperator nu) {
        Objects.requireNonNull(nu, "the firing rate nu");
        if (spec == null) {
            throw new IllegalArgumentException("tree observable: no spec given (expected e.g. chain:1,v,nu)");
        }
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw fault(spec, "no ':' between the shape and the test functions (expected e.g. chain:1,v,nu)");
        }
        String kind = spec.substring(0, colon).trim();
        if (!kind.equals("chain") && !kind.equals("star")) {
            throw fault(spec, "unknown shape \"" + kind + "\" (expected chain or star)");
        }
        List<String> items = splitOutsideBrackets(spec, spec.substring(colon + 1));
        if (items.size() > TreeShape.MAX_VERTICES) {
            throw fault(spec, items.size() + " test functions, one per vertex, but trees have at most " + TreeShape.MAX_VERTICES
                    + " vertices");
        }
        List<VertexFunction> functions = new ArrayList<>();
        for (int m = 0; m < items.size(); m++) {
            functions.add(function(spec, items.get(m).trim(), m + 1, nu));
        }
        TreeShape shape = kind.equals("chain") ? TreeShape.chain(items.size()) : TreeShape.star(items.size());
        return new TreeObservable(shape, functions);
    }

    /** The comma-separated items of the function list; commas inside ind[...] belong to the item. */
    private static List<String> splitOutsideBrackets(String spec, String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int c = 0; c < list.length(); c++) {
            char ch = list.charAt(c);
            if (ch == '[') {
                depth++;
            } else if (ch == ']') {
                depth--;
                if (depth < 0) {
                    throw fault(spec, "a ']' without its '['");
                }
            } else if (ch == ',' && depth == 0) {
                items.add(list.substring(start, c));
                start = c + 1;
            }
        }
        if (depth != 0) {
            throw fault(spec, "a '[' without its ']'");
        }
        items.add(list.substring(start));
        return items;
    }

    private static VertexFunction function(String spec, String item, int vertex, DoubleUnaryOperator nu) {
        switch (item) {
            case "":
                throw fault(spec, "no test function at vertex " + vertex);
            case "1":
                return VertexFunction.one();
            case "v":
                return VertexFunction.potential();
            case "nu":
                return VertexFunction.rate(nu);
            default:
                break;
        }
        Matcher m = INDICATOR.matcher(item);
        if (!m.matches()) {
            throw fault(spec, "unknown test function \"" + item + "\" at vertex " + vertex + " (expected 1, v, nu or ind[a,b])");
        }
        double a = number(m.group(1));
        double b = number(m.group(2));
        if (!(a < b)) {
            throw fault(spec, "the indicator \"" + item + "\" at vertex " + vertex + " needs a < b");
        }
        return VertexFunction.indicator(a, b);
    }

    private static double number(String text) {
        String t = text.trim();
        return switch (t) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    private static IllegalArgumentException fault(String spec, String what) {
        return new IllegalArgumentException("tree observable \"" + spec + "\": " + what);
    }
}
