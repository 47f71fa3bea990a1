package meanfield.app.formula;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;

/**
 * A formula, as exp4j parsed it (tokens in reverse Polish order), written as a Java expression
 * so that it can be compiled to bytecode: ^ becomes Math.pow, functions their Math methods, pi
 * and e their constants. A formula using a function without a Java counterpart here has no
 * source, and is then evaluated by exp4j's interpreter instead.
 */
final class JavaSource {
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("sin", "Math.sin"), Map.entry("cos", "Math.cos"), Map.entry("tan", "Math.tan"),
            Map.entry("asin", "Math.asin"), Map.entry("acos", "Math.acos"), Map.entry("atan", "Math.atan"),
            Map.entry("sinh", "Math.sinh"), Map.entry("cosh", "Math.cosh"), Map.entry("tanh", "Math.tanh"),
            Map.entry("exp", "Math.exp"), Map.entry("log", "Math.log"), Map.entry("log10", "Math.log10"),
            Map.entry("log1p", "Math.log1p"), Map.entry("expm1", "Math.expm1"), Map.entry("sqrt", "Math.sqrt"),
            Map.entry("cbrt", "Math.cbrt"), Map.entry("abs", "Math.abs"), Map.entry("floor", "Math.floor"),
            Map.entry("ceil", "Math.ceil"), Map.entry("signum", "Math.signum"), Map.entry("min", "Math.min"),
            Map.entry("max", "Math.max"), Map.entry("step", "meanfield.app.formula.Formula.step"));
    private static final Map<String, String> CONSTANTS = Map.of("pi", "Math.PI", "π", "Math.PI", "e", "Math.E",
            "φ", "1.61803398874");

    private JavaSource() {
    }

    /**
     * The Java expression of the tokens; a variable becomes {@code names.get(i)} where i is its
     * position in {@code variables}.
     */
    static Optional<String> of(Token[] rpn, List<String> variables, List<String> names) {
        Deque<String> stack = new ArrayDeque<>();
        for (Token token : rpn) {
            if (token instanceof NumberToken || token instanceof VariableToken) {
                Optional<String> leaf = leaf(token, variables, names);
                if (leaf.isEmpty()) {
                    return Optional.empty();
                }
                stack.push(leaf.get());
            } else if (token instanceof OperatorToken operator) {
                if (operator.getOperator().getNumOperands() == 1) {
                    stack.push(unary(operator, stack.pop()));
                } else {
                    String right = stack.pop();
                    stack.push(binary(operator, stack.pop(), right));
                }
            } else if (token instanceof FunctionToken function) {
                int arity = function.getFunction().getNumArguments();
                if (stack.size() < arity) {
                    return Optional.empty();
                }
                String[] args = new String[arity];
                for (int a = arity - 1; a >= 0; a--) {
                    args[a] = stack.pop();
                }
                Optional<String> call = call(function, args);
                if (call.isEmpty()) {
                    return Optional.empty();
                }
                stack.push(call.get());
            } else {
                return Optional.empty();
            }
        }
        return stack.size() == 1 ? Optional.of(stack.pop()) : Optional.empty();
    }

    /** A number or a variable as Java: a variable by its name in {@code names}, a constant by its value. */
    static Optional<String> leaf(Token token, List<String> variables, List<String> names) {
        if (token instanceof NumberToken number) {
            return Optional.of("(" + Double.toString(number.getValue()) + ")");
        }
        VariableToken variable = (VariableToken) token;
        int i = variables.indexOf(variable.getName());
        String constant = CONSTANTS.get(variable.getName());
        if (i < 0 && constant == null) {
            return Optional.empty();
        }
        return Optional.of(i >= 0 ? names.get(i) : constant);
    }

    static String unary(OperatorToken operator, String operand) {
        return "(" + operator.getOperator().getSymbol() + operand + ")";
    }

    static String binary(OperatorToken operator, String left, String right) {
        String symbol = operator.getOperator().getSymbol();
        return symbol.equals("^") ? "Math.pow(" + left + ", " + right + ")" : "(" + left + " " + symbol + " " + right + ")";
    }

    /** A function call as Java, or empty for a function without a Java counterpart here. */
    static Optional<String> call(FunctionToken function, String[] args) {
        String java = FUNCTIONS.get(function.getFunction().getName());
        return java == null ? Optional.empty() : Optional.of(java + "(" + String.join(", ", args) + ")");
    }
}
