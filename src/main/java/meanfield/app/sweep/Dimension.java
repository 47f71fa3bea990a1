package meanfield.app.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import meanfield.app.problem.ProblemException;

/**
 * One {@code --vary KEY=VALUES}: a problem key and its values in the order given. Values are a
 * comma-separated list or a range {@code a:step:b}; numbers are kept as decimal text (BigDecimal,
 * trailing zeros stripped) so that a range lands exactly on its end point and a task's name and its
 * {@code --set} value are the same string on every machine.
 */
public record Dimension(String key, List<String> values) {
    public Dimension {
        values = List.copyOf(values);
    }

    static Dimension parse(String option) {
        int eq = option.indexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
            throw new ProblemException("--vary", "expected KEY=V1,V2,... or KEY=a:step:b, got '" + option + "'");
        }
        String key = option.substring(0, eq).trim();
        String text = option.substring(eq + 1).trim();
        List<String> values = isRange(text) ? range(key, text) : list(key, text);
        LinkedHashSet<String> distinct = new LinkedHashSet<>(values);
        if (distinct.size() != values.size()) {
            throw new ProblemException("--vary " + key, "a value is given twice in '" + text + "'");
        }
        return new Dimension(key, values);
    }

    /** True when every value is a number: the column is numeric in sweep.csv and sweep.h5. */
    boolean numeric() {
        return values.stream().allMatch(v -> number(v) != null);
    }

    private static boolean isRange(String text) {
        String[] parts = text.split(":", -1);
        return parts.length == 3 && !text.contains(",");
    }

    private static List<String> range(String key, String text) {
        String[] parts = text.split(":", -1);
        BigDecimal[] abc = new BigDecimal[3];
        for (int i = 0; i < 3; i++) {
            abc[i] = number(parts[i].trim());
            if (abc[i] == null) {
                throw new ProblemException("--vary " + key, "the range " + text + " needs numbers a:step:b, '"
                        + parts[i].trim() + "' is not one");
            }
        }
        BigDecimal step = abc[1];
        if (step.signum() == 0) {
            throw new ProblemException("--vary " + key, "the range " + text + " has step 0");
        }
        List<String> values = new ArrayList<>();
        // Decimal arithmetic: 0:0.1:1 ends at exactly 1, never 0.9999999999999999 or one short.
        for (BigDecimal v = abc[0]; step.signum() > 0 ? v.compareTo(abc[2]) <= 0 : v.compareTo(abc[2]) >= 0;
                v = v.add(step)) {
            values.add(canonical(v));
        }
        if (values.isEmpty()) {
            throw new ProblemException("--vary " + key, "the range " + text + " is empty (from " + parts[0].trim()
                    + " in steps of " + parts[1].trim() + " it never reaches " + parts[2].trim() + ")");
        }
        return values;
    }

    private static List<String> list(String key, String text) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String v = part.trim();
            if (v.isEmpty()) {
                throw new ProblemException("--vary " + key, "an empty value in '" + text + "'");
            }
            BigDecimal n = number(v);
            values.add(n == null ? v : canonical(n));
        }
        return values;
    }

    /** The number a value denotes, or null when it is not one. */
    static BigDecimal number(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String canonical(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
