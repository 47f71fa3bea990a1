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
            if (token instanceof NumberToken number) {
                stack.push("(" + Double.toString(number.getValue()) + ")");
            } else if (token instanceof VariableToken variable) {
                int i = variables.indexOf(variable.getName());
                String constant = CONSTANTS.get(variable.getName());
                if (i < 0 && constant == null) {
                    return Optional.empty();
                }
                stack.push(i >= 0 ? names.get(i) : constant);
            } else if (token instanceof OperatorToken operator) {
                String symbol = operator.getOperator().getSymbol();
                if (operator.getOperator().getNumOperands() == 1) {
                    stack.push("(" + symbol + stack.pop() + ")");
                } else {
                    String right = stack.pop();
                    String left = stack.pop();
                    stack.push(symbol.equals("^") ? "Math.pow(" + left + ", " + right + ")"
                            : "(" + left + " " + symbol + " " + right + ")");
                }
            } else if (token instanceof FunctionToken function) {
                String java = FUNCTIONS.get(function.getFunction().getName());
                int arity = function.getFunction().getNumArguments();
                if (java == null || stack.size() < arity) {
                    return Optional.empty();
                }
                String[] args = new String[arity];
                for (int a = arity - 1; a >= 0; a--) {
                    args[a] = stack.pop();
                }
                stack.push(java + "(" + String.join(", ", args) + ")");
            } else {
                return Optional.empty();
            }
        }
        return stack.size() == 1 ? Optional.of(stack.pop()) : Optional.empty();
    }
}
