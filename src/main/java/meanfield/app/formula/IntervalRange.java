package meanfield.app.formula;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;

/**
 * An enclosure of a formula's values by interval arithmetic on its parsed tokens: every operation
 * maps intervals to an interval containing all its results, rounded outwards by one ulp, so the
 * enclosure is rigorous (a bound it gives holds at every point of the ranges). It may be wider than
 * the true range where a variable appears twice (the dependency problem), never narrower; a
 * function it does not know gives (-inf, inf). Used to find an upper bound of a firing-rate formula
 * over all v, which lets the particle simulator decide spikes by thinning.
 */
final class IntervalRange {
    private static final double[] WHOLE_LINE = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    private static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "π", Math.PI, "e", Math.E,
            "φ", 1.61803398874989484820);

    private IntervalRange() {
    }

    /**
     * The enclosure [lo, hi] of the formula over the given ranges of its variables ({name: {lo, hi}});
     * a variable without a range ranges over the whole line.
     */
    static double[] of(Token[] rpn, Map<String, double[]> ranges) {
        Deque<double[]> stack = new ArrayDeque<>();
        for (Token token : rpn) {
            if (token instanceof NumberToken number) {
                stack.push(new double[] {number.getValue(), number.getValue()});
            } else if (token instanceof VariableToken variable) {
                String name = variable.getName();
                Double constant = CONSTANTS.get(name);
                stack.push(ranges.containsKey(name) ? ranges.get(name).clone()
                        : constant != null ? outward(constant, constant) : WHOLE_LINE.clone());
            } else if (token instanceof OperatorToken operator) {
                String symbol = operator.getOperator().getSymbol();
                if (operator.getOperator().getNumOperands() == 1) {
                    double[] a = stack.pop();
                    stack.push(symbol.equals("-") ? new double[] {-a[1], -a[0]} : a);
                } else {
                    double[] b = stack.pop();
                    double[] a = stack.pop();
                    stack.push(binary(symbol, a, b));
                }
            } else if (token instanceof FunctionToken function) {
                int arity = function.getFunction().getNumArguments();
                double[][] args = new double[arity][];
                for (int i = arity - 1; i >= 0; i--) {
                    args[i] = stack.pop();
                }
                stack.push(function(function.getFunction().getName(), args));
            } else {
                return WHOLE_LINE.clone();
            }
        }
        return stack.size() == 1 ? stack.pop() : WHOLE_LINE.clone();
    }

    /** [lo, hi] widened by 4 ulps each way: Math's functions are within 2.5 ulps, + - * / within half of one. */
    private static double[] outward(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return WHOLE_LINE.clone();
        }
        return new double[] {lo - 4 * Math.ulp(lo), hi + 4 * Math.ulp(hi)};
    }

    private static double[] binary(String symbol, double[] a, double[] b) {
        switch (symbol) {
            case "+":
                return outward(a[0] + b[0], a[1] + b[1]);
            case "-":
                return outward(a[0] - b[1], a[1] - b[0]);
            case "*":
                return product(a, b);
            case "/":
                if (b[0] <= 0 && b[1] >= 0) {
                    return WHOLE_LINE.clone();
                }
                return product(a, outward(1 / b[1], 1 / b[0]));
            case "^":
                return power(a, b);
            default:
                return WHOLE_LINE.clone();
        }
    }

    private static double[] product(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            for (double y : b) {
                // 0 x inf is 0 here: the interval's finite end times the other's infinite one.
                double p = x == 0 || y == 0 ? 0 : x * y;
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
        }
        // A product is bilinear: its extremes over a box are at the corners.
        return outward(lo, hi);
    }

    /** a^b: an integer exponent exactly by cases, otherwise exp(b log a) for a &gt;= 0. */
    private static double[] power(double[] a, double[] b) {
        if (b[0] == b[1] && b[0] == Math.rint(b[0]) && Math.abs(b[0]) <= 64) {
            int n = (int) b[0];
            if (n == 0) {
                return new double[] {1, 1};
            }
            if (n < 0) {
                return binary("/", new double[] {1, 1}, power(a, new double[] {-n, -n}));
            }
            double lo = Math.pow(a[0], n);
            double hi = Math.pow(a[1], n);
            if (n % 2 == 1) {
                return outward(lo, hi);
            }
            double top = Math.max(lo, hi);
            return outward(a[0] <= 0 && a[1] >= 0 ? 0 : Math.min(lo, hi), top);
        }
        if (a[0] < 0) {
            return WHOLE_LINE.clone();
        }
        return exp(product(b, log(a)));
    }

    private static double[] exp(double[] a) {
        double[] e = outward(Math.exp(a[0]), Math.exp(a[1]));
        return new double[] {Math.max(0, e[0]), e[1]};
    }

    private static double[] log(double[] a) {
        return outward(a[0] <= 0 ? Double.NEGATIVE_INFINITY : Math.log(a[0]), Math.log(a[1]));
    }

    private static double[] function(String name, double[][] args) {
        double[] a = args[0];
        switch (name) {
            case "exp":
                return exp(a);
            case "log":
                return a[1] < 0 ? WHOLE_LINE.clone() : log(a);
            case "sqrt":
                return a[1] < 0 ? WHOLE_LINE.clone() : clamp(outward(Math.sqrt(Math.max(0, a[0])), Math.sqrt(a[1])), 0,
                        Double.POSITIVE_INFINITY);
            case "abs":
                return new double[] {a[0] <= 0 && a[1] >= 0 ? 0 : Math.min(Math.abs(a[0]), Math.abs(a[1])),
                        Math.max(Math.abs(a[0]), Math.abs(a[1]))};
            case "tanh":
                return clamp(outward(Math.tanh(a[0]), Math.tanh(a[1])), -1, 1);
            case "atan":
                return outward(Math.atan(a[0]), Math.atan(a[1]));
            case "sinh":
                return outward(Math.sinh(a[0]), Math.sinh(a[1]));
            case "cbrt":
                return outward(Math.cbrt(a[0]), Math.cbrt(a[1]));
            case "expm1":
                return outward(Math.expm1(a[0]), Math.expm1(a[1]));
            case "log1p":
                return a[1] < -1 ? WHOLE_LINE.clone() : outward(a[0] <= -1 ? Double.NEGATIVE_INFINITY
                        : Math.log1p(a[0]), Math.log1p(a[1]));
            case "cosh":
                return outward(a[0] <= 0 && a[1] >= 0 ? 1 : Math.min(Math.cosh(a[0]), Math.cosh(a[1])),
                        Math.max(Math.cosh(a[0]), Math.cosh(a[1])));
            case "sin":
            case "cos":
                return new double[] {-1, 1};
            case "step":
                return new double[] {a[0] >= 0 ? 1 : 0, a[1] >= 0 ? 1 : 0};
            case "signum":
                return new double[] {Math.signum(a[0]), Math.signum(a[1])};
            case "floor":
                return new double[] {Math.floor(a[0]), Math.floor(a[1])};
            case "ceil":
                return new double[] {Math.ceil(a[0]), Math.ceil(a[1])};
            case "min":
                return new double[] {Math.min(a[0], args[1][0]), Math.min(a[1], args[1][1])};
            case "max":
                return new double[] {Math.max(a[0], args[1][0]), Math.max(a[1], args[1][1])};
            default:
                return WHOLE_LINE.clone();
        }
    }

    private static double[] clamp(double[] a, double lo, double hi) {
        return new double[] {Math.max(lo, a[0]), Math.min(hi, a[1])};
    }
}
