package meanfield.app.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping of a problem file with its path (e.g. {@code grid.v}). Readers ask for keys by
 * name; every key asked for becomes known, defaults are written back so that the resolved
 * problem shows them, and {@link #rejectUnknownKeys()} reports any key nobody asked for,
 * with the nearest known key as a suggestion.
 */
public final class ConfigNode {
    private final String path;
    private final Map<String, Object> map;
    private final Set<String> known = new LinkedHashSet<>();
    private final List<ConfigNode> children = new ArrayList<>();
    /** The problem's named constants, which every formula read through this node may use. */
    private Map<String, Double> parameters = Map.of();
    /** The names of those constants that some formula read through this tree uses (shared by the whole tree). */
    private Set<String> usedParameters = new java.util.HashSet<>();

    public ConfigNode(String path, Map<String, Object> map) {
        this.path = path;
        this.map = map;
    }

    /** Makes the problem's parameters available to the formulas of this node and of every child made later. */
    void useParameters(Map<String, Double> values) {
        this.parameters = Map.copyOf(values);
    }

    /** The formula at key {@code name} (required when fallback is null) over the given variables. */
    public meanfield.app.formula.Formula formula(String name, String fallback, String... variables) {
        return formulaAt(key(name), string(name, fallback), variables);
    }

    /** A formula given under {@code key} (a list entry, say), with this node's parameters. */
    public meanfield.app.formula.Formula formulaAt(String key, String text, String... variables) {
        meanfield.app.formula.Formula formula = meanfield.app.formula.Formula.compile(key, text, parameters, variables);
        usedParameters.addAll(formula.parametersUsed());
        return formula;
    }

    /** The parameters no formula read so far through this tree uses. */
    Set<String> unusedParameters() {
        Set<String> unused = new java.util.TreeSet<>(parameters.keySet());
        unused.removeAll(usedParameters);
        return unused;
    }

    /** The full name of a key of this node, as the user writes it with --set. */
    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public String path() {
        return path;
    }

    public boolean has(String name) {
        known.add(name);
        return map.get(name) != null;
    }

    public Object raw(String name) {
        known.add(name);
        Object value = map.get(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    public double number(String name) {
        return toNumber(name, raw(name));
    }

    public double number(String name, double fallback) {
        if (!has(name)) {
            map.put(name, fallback);
            return fallback;
        }
        return number(name);
    }

    /** A number that must be > 0. */
    public double positive(String name, double fallback) {
        double value = number(name, fallback);
        if (!(value > 0)) {
            throw new ProblemException(key(name), "must be positive, got " + value);
        }
        return value;
    }

    public int positiveInteger(String name, int fallback) {
        if (!has(name)) {
            map.put(name, fallback);
        }
        double value = number(name);
        if (value != Math.rint(value) || value < 1 || value > Integer.MAX_VALUE) {
            throw new ProblemException(key(name), "must be a positive whole number, got " + format(map.get(name)));
        }
        return (int) value;
    }

    /** A single value as text; a null fallback makes the key required. */
    public String string(String name, String fallback) {
        if (!has(name)) {
            if (fallback == null) {
                throw missing(name);
            }
            map.put(name, fallback);
            return fallback;
        }
        Object value = raw(name);
        if (value instanceof Map || value instanceof List) {
            throw new ProblemException(key(name), "must be a single value, got " + format(value));
        }
        return String.valueOf(value);
    }

    /** One of the listed words. */
    public String choice(String name, String fallback, String... allowed) {
        String value = string(name, fallback);
        if (!List.of(allowed).contains(value)) {
            throw new ProblemException(key(name), "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A nested mapping, required. */
    public ConfigNode child(String name) {
        Object value = raw(name);
        if (!(value instanceof Map)) {
            throw new ProblemException(key(name), "must be a mapping of keys, got " + format(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) value;
        ConfigNode node = new ConfigNode(key(name), nested);
        node.parameters = parameters;
        node.usedParameters = usedParameters;
        children.add(node);
        return node;
    }

    /**
     * A required list of mappings, each a node named {@code name[i]} (from 0) whose keys are checked
     * like any child's, so that a misspelled key inside an entry is reported with its place in the list.
     */
    public List<ConfigNode> childList(String name) {
        Object value = raw(name);
        if (!(value instanceof List<?> list)) {
            throw new ProblemException(key(name), "must be a list, got " + format(value));
        }
        List<ConfigNode> nodes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = key(name) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?>)) {
                throw new ProblemException(entry, "must be a mapping of keys, got " + format(list.get(i)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) list.get(i);
            ConfigNode node = new ConfigNode(entry, nested);
            node.parameters = parameters;
            node.usedParameters = usedParameters;
            children.add(node);
            nodes.add(node);
        }
        return nodes;
    }

    /** A nested mapping, created empty when absent so that defaults can fill it. */
    public ConfigNode childOrEmpty(String name) {
        if (!has(name)) {
            map.put(name, new LinkedHashMap<String, Object>());
        }
        return child(name);
    }

    public Optional<ConfigNode> optionalChild(String name) {
        return has(name) ? Optional.of(child(name)) : Optional.empty();
    }

    /** The keys of this mapping, in file order. */
    public java.util.List<String> keys() {
        return new ArrayList<>(map.keySet());
    }

    /** The single key of a one-key mapping such as {sigmoid: {...}}: a named family. */
    public String onlyKey() {
        if (map.size() != 1) {
            throw new ProblemException(path, "must name exactly one family, got keys " + map.keySet());
        }
        return map.keySet().iterator().next();
    }

    /** Fails on the first key that no reader asked for, here or in any child read so far. */
    public void rejectUnknownKeys() {
        for (String name : map.keySet()) {
            if (!known.contains(name)) {
                String hint = nearest(name).map(k -> " (did you mean '" + key(k) + "'?)").orElse("");
                String allowed = known.isEmpty() ? "" : "; known keys here: " + String.join(", ", known);
                throw new ProblemException(key(name), "unknown key" + hint + allowed);
            }
        }
        for (ConfigNode child : children) {
            child.rejectUnknownKeys();
        }
    }

    /**
     * A required key that is absent; when the mapping holds a key nobody asked for that is a few edits
     * from it, that is most likely the misspelling, and the message says so.
     */
    private ProblemException missing(String name) {
        Optional<String> typo = map.keySet().stream()
                .filter(k -> !known.contains(k) && editDistance(k, name) <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt(k -> editDistance(k, name)));
        return new ProblemException(key(name), "missing required key"
                + typo.map(k -> " ('" + key(k) + "' is given: did you mean '" + key(name) + "'?)").orElse(""));
    }

    private Optional<String> nearest(String name) {
        return known.stream()
                .filter(k -> editDistance(k, name) <= Math.max(2, k.length() / 3))
                .min(Comparator.comparingInt(k -> editDistance(k, name)));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private double toNumber(String name, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        // YAML 1.1 reads 1e-3 (no dot) as a string.
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new ProblemException(key(name), "must be a number, got " + format(value));
    }

    private static String format(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
