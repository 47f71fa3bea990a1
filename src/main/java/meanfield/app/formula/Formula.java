package meanfield.app.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ExpressionEvaluator;

import meanfield.app.problem.ProblemException;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.shuntingyard.ShuntingYard;

/**
 * A formula string for a fixed list of variables, e.g. mu(t, v, xi). exp4j parses and checks it
 * (its messages name what is wrong); Janino then compiles it to bytecode, so that a drift
 * evaluated for every neuron at every step costs what the same Java expression would. A formula
 * with a function that has no Java counterpart is evaluated by exp4j's interpreter instead, each
 * thread with its own copy (exp4j expressions hold their variable values).
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
            return step(args[0]);
        }
    };

    /** f(a). */
    @FunctionalInterface
    public interface Of1 {
        double value(double a);
    }

    /** f(a, b). */
    @FunctionalInterface
    public interface Of2 {
        double value(double a, double b);
    }

    /** f(a, b, c). */
    @FunctionalInterface
    public interface Of3 {
        double value(double a, double b, double c);
    }

    /** f(args), the variables in declaration order. */
    @FunctionalInterface
    public interface OfArray {
        double value(double[] args);
    }

    private final String text;
    private final String[] variables;
    private final OfArray many;
    private final Of1 one;
    private final Of2 two;
    private final Of3 three;
    private final boolean compiled;
    /** The parsed tokens (reverse Polish) and the parameters' values, for {@link #range}. */
    private final net.objecthunter.exp4j.tokenizer.Token[] rpn;
    private final Map<String, Double> parameterValues;

    private Formula(String text, String[] variables, Map<String, Double> parameters, Expression interpreted,
            Optional<String> source) {
        this.text = text;
        this.variables = variables;
        this.compiled = source.isPresent();
        this.rpn = tokens(text, withParameters(variables, parameters));
        this.parameterValues = Map.copyOf(parameters);
        List<String> indexed = new ArrayList<>();
        for (int i = 0; i < variables.length; i++) {
            indexed.add("args[" + i + "]");
        }
        indexed.addAll(literals(parameters));
        if (namesIn(text, List.of(variables)).isEmpty()) {
            // No variable in the text: one value, which needs no bytecode (a kernel "J0" re-read at each
            // value of a continuation would otherwise cost a compilation each time).
            Expression e = new Expression(interpreted);
            parameters.forEach(e::setVariable);
            for (String v : variables) {
                e.setVariable(v, 0.0);
            }
            double value = e.evaluate();
            this.many = args -> value;
            this.one = a -> value;
            this.two = (a, b) -> value;
            this.three = (a, b, c) -> value;
        } else if (compiled) {
            String[] all = withParameters(variables, parameters);
            net.objecthunter.exp4j.tokenizer.Token[] tokens = tokens(text, all);
            this.many = compile(JavaSource.of(tokens, List.of(all), indexed).orElseThrow(), OfArray.class, "args");
            this.one = variables.length == 1 ? compile(source.get(), Of1.class, "p0") : null;
            this.two = variables.length == 2 ? compile(source.get(), Of2.class, "p0", "p1") : null;
            this.three = variables.length == 3 ? compile(source.get(), Of3.class, "p0", "p1", "p2") : null;
        } else {
            ThreadLocal<Expression> perThread = ThreadLocal.withInitial(() -> {
                Expression copy = new Expression(interpreted);
                parameters.forEach(copy::setVariable);
                return copy;
            });
            this.many = args -> {
                Expression e = perThread.get();
                for (int i = 0; i < variables.length; i++) {
                    e.setVariable(variables[i], args[i]);
                }
                return e.evaluate();
            };
            this.one = a -> many.value(new double[] {a});
            this.two = (a, b) -> many.value(new double[] {a, b});
            this.three = (a, b, c) -> many.value(new double[] {a, b, c});
        }
    }

    /**
     * The names among {@code names} that the parser reads in the text: its own tokens, so that "2t"
     * (2 * t) and "mm" (m * m, the parser's implicit product) count as uses of t and m. A text that
     * does not tokenize yields every identifier in it (its error is reported when it is compiled).
     */
    static Set<String> namesIn(String text, java.util.Collection<String> names) {
        Set<String> used = new HashSet<>();
        try {
            for (net.objecthunter.exp4j.tokenizer.Token t : tokens(text, names.toArray(String[]::new))) {
                if (t instanceof net.objecthunter.exp4j.tokenizer.VariableToken v && names.contains(v.getName())) {
                    used.add(v.getName());
                }
            }
        } catch (RuntimeException e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(text);
            while (m.find()) {
                used.add(m.group());
            }
        }
        return used;
    }

    /** The problem parameters this formula uses (those it was compiled with). */
    public Set<String> parametersUsed() {
        return parameterValues.keySet();
    }

    /**
     * A rigorous enclosure {lo, hi} of the formula's values when each variable named in
     * {@code ranges} stays in its {lo, hi} and every other variable ranges over the whole line
     * (interval arithmetic on the parsed formula: possibly wider than the true range, never
     * narrower; infinite where nothing finite can be said).
     */
    public double[] range(Map<String, double[]> ranges) {
        Map<String, double[]> all = new HashMap<>(ranges);
        parameterValues.forEach((name, value) -> all.put(name, new double[] {value, value}));
        return IntervalRange.of(rpn, all);
    }

    /** f = slope x + intercept, both functions of the formula's three variables that do not depend on x. */
    public record Affine(Of3 slope, Of3 intercept) {
    }

    /**
     * The split of a three-variable formula affine in {@code variable} into slope and intercept,
     * found symbolically on the parsed formula and compiled; empty when the formula is not affine in
     * it (or is interpreted, or has another number of variables).
     */
    public Optional<Affine> affineIn(String variable) {
        int index = List.of(variables).indexOf(variable);
        if (variables.length != 3 || index < 0 || !compiled) {
            return Optional.empty();
        }
        List<String> positional = new ArrayList<>(List.of("p0", "p1", "p2"));
        positional.addAll(literals(parameterValues));
        List<String> all = new ArrayList<>(List.of(variables));
        all.addAll(parameterValues.keySet());
        return AffineSplit.of(rpn, all, positional, index).map(split -> new Affine(
                compile(split[0], Of3.class, "p0", "p1", "p2"), compile(split[1], Of3.class, "p0", "p1", "p2")));
    }

    /** The step function of problem files: 1 for x >= 0, else 0. */
    public static double step(double x) {
        return x >= 0 ? 1.0 : 0.0;
    }

    /**
     * Compiles {@code text} for the given variables; a syntax error or an unknown name is a
     * {@link ProblemException} naming {@code key}.
     */
    public static Formula compile(String key, String text, String... variables) {
        return compile(key, text, Map.of(), variables);
    }

    /**
     * As {@link #compile(String, String, String...)}, with named constants (the problem's
     * {@code parameters}) that the formula may use beside its variables; their values are fixed here.
     */
    public static Formula compile(String key, String text, Map<String, Double> parameters, String... variables) {
        // Only the parameters the text names: a formula that does not use the one a study varies compiles once.
        Map<String, Double> used = new java.util.LinkedHashMap<>();
        List<String> candidates = new ArrayList<>(List.of(variables));
        candidates.addAll(parameters.keySet());
        Set<String> words = namesIn(text, candidates);
        parameters.forEach((name, value) -> {
            if (words.contains(name)) {
                used.put(name, value);
            }
        });
        String cacheKey = text + "\u0000" + String.join(",", variables) + "\u0000" + used;
        synchronized (RECENT) {
            Formula known = RECENT.get(cacheKey);
            if (known != null) {
                return known;
            }
        }
        Formula formula = compileUncached(key, text, used, variables);
        synchronized (RECENT) {
            RECENT.put(cacheKey, formula);
        }
        return formula;
    }

    /**
     * Formulas compiled lately, by text, variables and the values of the parameters they use: a study
     * that re-reads its problem for each value of one parameter (a continuation, a sweep task, the
     * levels of a convergence study) compiles each other formula once. Formulas are immutable and
     * safe to share between threads.
     */
    private static final Map<String, Formula> RECENT = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Formula> eldest) {
            return size() > 256;
        }
    };

    private static Formula compileUncached(String key, String text, Map<String, Double> parameters,
            String... variables) {
        String[] all = withParameters(variables, parameters);
        Expression interpreted;
        try {
            interpreted = new ExpressionBuilder(text).functions(MIN, MAX, STEP).variables(all).build();
            parameters.forEach(interpreted::setVariable);
        } catch (IllegalArgumentException | ArithmeticException | java.util.EmptyStackException e) {
            throw new ProblemException(key, "formula '" + text + "' does not parse: " + e.getMessage()
                    + " (variables allowed here: " + String.join(", ", variables) + ")");
        }
        var validation = interpreted.validate(false);
        if (!validation.isValid()) {
            throw new ProblemException(key, "formula '" + text + "' does not parse: "
                    + String.join("; ", validation.getErrors()));
        }
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < variables.length; i++) {
            positional.add("p" + i);
        }
        positional.addAll(literals(parameters));
        return new Formula(text, variables, parameters, interpreted,
                JavaSource.of(tokens(text, all), List.of(all), positional));
    }

    private static String[] withParameters(String[] variables, Map<String, Double> parameters) {
        List<String> all = new ArrayList<>(List.of(variables));
        all.addAll(parameters.keySet());
        return all.toArray(String[]::new);
    }

    /** The parameters' values as Java literals, in the map's order: Double.toString reads back exactly. */
    private static List<String> literals(Map<String, Double> parameters) {
        List<String> literals = new ArrayList<>();
        for (double value : parameters.values()) {
            literals.add("(" + Double.toString(value) + ")");
        }
        return literals;
    }

    private static net.objecthunter.exp4j.tokenizer.Token[] tokens(String text, String[] variables) {
        Map<String, Function> functions = new HashMap<>();
        for (Function f : new Function[] {MIN, MAX, STEP}) {
            functions.put(f.getName(), f);
        }
        Set<String> names = new HashSet<>(List.of(variables));
        names.addAll(List.of("pi", "π", "e", "φ"));
        return ShuntingYard.convertToRPN(text, functions, new HashMap<>(), names, true);
    }

    private static <T> T compile(String source, Class<T> type, String... parameters) {
        try {
            return new ExpressionEvaluator().createFastEvaluator(source, type, parameters);
        } catch (CompileException e) {
            throw new IllegalStateException("the Java form '" + source + "' of a checked formula does not compile", e);
        }
    }

    /** Compiles a formula once, so that the compiler's classes are loaded before the problem's formulas need them. */
    public static void warmUp() {
        compile("warm-up", "x + 1", "x");
    }

    /** Whether the formula mentions a variable (e.g. t, to know whether a drift is autonomous). */
    public boolean uses(String variable) {
        return List.of(variables).contains(variable)
                && namesIn(text, List.of(variables)).contains(variable);
    }

    /** Whether the formula runs as compiled bytecode (else through exp4j's interpreter). */
    public boolean compiled() {
        return compiled;
    }

    /** The value at the variables in declaration order. */
    public double valueAt(double... values) {
        return many.value(values);
    }

    public double value(double a) {
        return one.value(a);
    }

    public double value(double a, double b) {
        return two.value(a, b);
    }

    public double value(double a, double b, double c) {
        return three.value(a, b, c);
    }
}
