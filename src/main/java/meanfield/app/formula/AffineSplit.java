package meanfield.app.formula;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;

/**
 * The split f = a x + b of a formula affine in one of its variables x, read symbolically from its
 * parsed tokens: every subexpression is tracked as either free of x (its Java source) or affine in
 * x (the sources of its slope and intercept). Sums, differences, products and quotients by
 * x-free factors, negation and x^1 keep it affine; anything else (x times x, x in a function or a
 * denominator) makes the formula not affine, and then there is no split. The sources are Java
 * expressions in the other variables, as {@link JavaSource} writes them.
 */
final class AffineSplit {
    /** A subexpression: free of x when slope is null, otherwise slope x + intercept. */
    private record Term(String slope, String intercept) {
        boolean free() {
            return slope == null;
        }
    }

    private static final String ZERO = "(0.0)";

    private AffineSplit() {
    }

    /**
     * The Java sources {a, b} of f = a x + b, x the variable at {@code index} in {@code variables},
     * or empty if f is not affine in x (or has a function without a Java counterpart).
     */
    static Optional<String[]> of(Token[] rpn, List<String> variables, List<String> names, int index) {
        Deque<Term> stack = new ArrayDeque<>();
        String x = variables.get(index);
        for (Token token : rpn) {
            Optional<Term> next;
            if (token instanceof VariableToken variable && variable.getName().equals(x)) {
                next = Optional.of(new Term("(1.0)", ZERO));
            } else if (token instanceof NumberToken || token instanceof VariableToken) {
                next = JavaSource.leaf(token, variables, names).map(source -> new Term(null, source));
            } else if (token instanceof OperatorToken operator) {
                if (operator.getOperator().getNumOperands() == 1) {
                    Term a = stack.pop();
                    next = Optional.of(a.free() ? new Term(null, JavaSource.unary(operator, a.intercept()))
                            : new Term(JavaSource.unary(operator, a.slope()), JavaSource.unary(operator, a.intercept())));
                } else {
                    Term right = stack.pop();
                    next = binary(operator, stack.pop(), right);
                }
            } else if (token instanceof FunctionToken function) {
                int arity = function.getFunction().getNumArguments();
                String[] args = new String[arity];
                boolean free = true;
                for (int a = arity - 1; a >= 0; a--) {
                    Term term = stack.pop();
                    free &= term.free();
                    args[a] = term.intercept();
                }
                next = free ? JavaSource.call(function, args).map(source -> new Term(null, source)) : Optional.empty();
            } else {
                next = Optional.empty();
            }
            if (next.isEmpty()) {
                return Optional.empty();
            }
            stack.push(next.get());
        }
        if (stack.size() != 1) {
            return Optional.empty();
        }
        Term f = stack.pop();
        return Optional.of(new String[] {f.free() ? ZERO : f.slope(), f.intercept()});
    }

    private static Optional<Term> binary(OperatorToken operator, Term left, Term right) {
        String symbol = operator.getOperator().getSymbol();
        if (left.free() && right.free()) {
            return Optional.of(new Term(null, JavaSource.binary(operator, left.intercept(), right.intercept())));
        }
        switch (symbol) {
            case "+":
            case "-":
                return Optional.of(new Term(JavaSource.binary(operator, slope(left), slope(right)),
                        JavaSource.binary(operator, left.intercept(), right.intercept())));
            case "*":
                if (left.free() || right.free()) {
                    Term affine = left.free() ? right : left;
                    String factor = left.free() ? left.intercept() : right.intercept();
                    return Optional.of(new Term(JavaSource.binary(operator, affine.slope(), factor),
                            JavaSource.binary(operator, affine.intercept(), factor)));
                }
                return Optional.empty();
            case "/":
                return right.free() ? Optional.of(new Term(JavaSource.binary(operator, left.slope(), right.intercept()),
                        JavaSource.binary(operator, left.intercept(), right.intercept()))) : Optional.empty();
            case "^":
                return right.free() && right.intercept().equals("(1.0)") ? Optional.of(left) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static String slope(Term term) {
        return term.free() ? ZERO : term.slope();
    }
}
