package meanfield.app.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The top-level {@code parameters:} map: named constants that every formula of the problem may use,
 * e.g. {@code parameters: {J0: 1.5}} with {@code kernel: "J0 + 0.3 * cos(2 * pi * (xi - zeta))"}.
 * A study (converge, later sweeps) varies them as {@code parameters.J0}.
 */
final class Parameters {
    /** Names a parameter may not take: the variables of any formula, the functions and constants. */
    private static final Set<String> RESERVED = Set.of("t", "v", "xi", "zeta", "x", "y", "z", "vx", "vy", "vz", "a",
            "m", "pi", "e", "exp", "log", "log10", "log2", "log1p", "expm1", "sqrt", "cbrt", "abs", "sin", "cos", "tan",
            "asin", "acos", "atan", "sinh", "cosh", "tanh", "min", "max", "step", "floor", "ceil", "signum", "pow", "cot", "sec", "csc", "coth", "sech", "csch");

    private Parameters() {
    }

    static Map<String, Double> read(ConfigNode root) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (!root.has("parameters")) {
            return values;
        }
        ConfigNode node = root.child("parameters");
        for (String name : node.keys()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ProblemException(node.key(name), "a parameter name is a letter or _ followed by letters,"
                        + " digits or _");
            }
            if (RESERVED.contains(name)) {
                throw new ProblemException(node.key(name), "'" + name + "' is a variable, function or constant of"
                        + " the formulas; choose another name");
            }
            double value = node.number(name);
            if (!Double.isFinite(value)) {
                throw new ProblemException(node.key(name), "must be a finite number, got " + value);
            }
            values.put(name, value);
        }
        return values;
    }
}
