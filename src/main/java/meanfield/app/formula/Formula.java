package meanfield.app.formula;

import java.util.Arrays;
import java.util.List;

import meanfield.app.problem.ProblemException;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.function.Function;

/**
 * A formula string compiled for a fixed list of variables, e.g. mu(t, v, xi). exp4j
 * expressions hold their variable values, so each thread evaluates its own copy.
 */
public final class Formula {
    private static final Function MIN = new Function("min", 2) {
        @Override
        public double apply(double... args) {
            return Math.min(args[0], args[1]);
        }
    };
    private static final Function MAX = new Function("max", 2) {
        @Override
        public double apply(double... args) {
            return Math.max(args[0], args[1]);
        }
    };
    private static final Function STEP = new Function("step", 1) {
        @Override
        public double apply(double... args) {
            return args[0] >= 0 ? 1.0 : 0.0;
        }
    };

    private final String text;
    private final String[] variables;
    private final ThreadLocal<Expression> perThread;

    private Formula(String text, String[] variables, Expression compiled) {
        this.text = text;
        this.variables = variables;
        this.perThread = ThreadLocal.withInitial(() -> new Expression(compiled));
    }

    /**
     * Compiles {@code text} for the given variables; a syntax error or an unknown name is a
     * {@link ProblemException} naming {@code key}.
     */
    public static Formula compile(String key, String text, String... variables) {
        Expression compiled;
        try {
            compiled = new ExpressionBuilder(text).functions(MIN, MAX, STEP).variables(variables).build();
        } catch (IllegalArgumentException | ArithmeticException | java.util.EmptyStackException e) {
            throw new ProblemException(key, "formula '" + text + "' does not parse: " + e.getMessage()
                    + " (variables allowed here: " + String.join(", ", variables) + ")");
        }
        var validation = compiled.validate(false);
        if (!validation.isValid()) {
            throw new ProblemException(key, "formula '" + text + "' does not parse: "
                    + String.join("; ", validation.getErrors()));
        }
        return new Formula(text, variables, compiled);
    }

    /** Whether the formula mentions a variable (e.g. t, to know whether a drift is autonomous). */
    public boolean uses(String variable) {
        return List.of(variables).contains(variable)
                && Arrays.stream(text.split("[^A-Za-z0-9_]+")).anyMatch(variable::equals);
    }

    public String text() {
        return text;
    }

    /** The value at the variables in declaration order (allocates: for set-up, not time steps). */
    public double valueAt(double... values) {
        Expression e = perThread.get();
        for (int i = 0; i < variables.length; i++) {
            e.setVariable(variables[i], values[i]);
        }
        return e.evaluate();
    }

    public double value(double a) {
        Expression e = perThread.get();
        e.setVariable(variables[0], a);
        return e.evaluate();
    }

    public double value(double a, double b) {
        Expression e = perThread.get();
        e.setVariable(variables[0], a);
        e.setVariable(variables[1], b);
        return e.evaluate();
    }

    public double value(double a, double b, double c) {
        Expression e = perThread.get();
        e.setVariable(variables[0], a);
        e.setVariable(variables[1], b);
        e.setVariable(variables[2], c);
        return e.evaluate();
    }
}
