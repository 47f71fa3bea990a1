package meanfield.app.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Where a problem comes from: a YAML file or a built-in problem shipped in the jar, with the
 * command line's --set overrides applied (values read as YAML).
 */
public final class ProblemSource {
    /** Built-in problems, in the order {@code meanfield problems} lists them. */
    public static final List<String> BUILT_IN = meanfield.solvers.catalogue.PublicProblems.NAMES;

    private final String name;
    private final Path directory;
    private final Map<String, Object> tree;

    private ProblemSource(String name, Path directory, Map<String, Object> tree) {
        this.name = name;
        this.directory = directory;
        this.tree = tree;
    }

    /** A built-in name or a path to a YAML file. */
    public static ProblemSource load(String problem) {
        Path file = Path.of(problem);
        if (Files.isRegularFile(file)) {
            try {
                String text = Files.readString(file);
                String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                Path parent = file.toAbsolutePath().getParent();
                return new ProblemSource(base, parent, parse(problem, text));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new ProblemException(problem, "is not a problem file (not text: binary or not UTF-8)");
            } catch (IOException e) {
                throw new ProblemException(problem, "cannot read the problem file: " + e.getMessage());
            }
        }
        if (BUILT_IN.contains(problem)) {
            return new ProblemSource(problem, Path.of("").toAbsolutePath(), parse(problem, builtInText(problem)));
        }
        if (Files.isDirectory(file)) {
            throw new ProblemException(problem, "is a directory: name a problem file (.yaml) in it, or a built-in problem ("
                    + String.join(", ", BUILT_IN) + ")");
        }
        throw new ProblemException(problem, "no such file, and not a built-in problem (built-in: "
                + String.join(", ", BUILT_IN) + ")");
    }

    /** A problem given as YAML text, its relative paths taken from {@code directory} (a resumed run's problem.yaml). */
    public static ProblemSource fromText(String name, Path directory, String text) {
        return new ProblemSource(name, directory, parse(name, text));
    }

    /** The YAML text of a built-in problem. */
    public static String builtInText(String name) {
        try (InputStream in = ProblemSource.class.getResourceAsStream("/problems/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in problem " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String origin, String text) {
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(text);
        } catch (YAMLException e) {
            throw new ProblemException(origin, "not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(root instanceof Map)) {
            throw new ProblemException(origin, "a problem file must be a mapping of keys");
        }
        return asMap(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) value).entrySet()) {
            Object v = e.getValue();
            copy.put(String.valueOf(e.getKey()), v instanceof Map ? asMap(v) : v);
        }
        return copy;
    }

    /** Applies {@code path.to.key=value}; the value is read as YAML. */
    public void set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ProblemException("--set", "expected path.to.key=value, got '" + assignment + "'");
        }
        String path = assignment.substring(0, eq).trim();
        Object value;
        try {
            value = new Yaml().load(assignment.substring(eq + 1));
        } catch (YAMLException e) {
            throw new ProblemException(path, "the --set value is not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (value instanceof Map) {
            value = asMap(value);
        }
        String[] parts = path.split("\\.");
        Map<String, Object> node = tree;
        List<String> walked = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            walked.add(parts[i]);
            Object next = node.get(parts[i]);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                node.put(parts[i], next);
            }
            if (!(next instanceof Map)) {
                throw new ProblemException(String.join(".", walked), "is not a mapping, so --set " + path + " cannot apply");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) next;
            node = nested;
        }
        node.put(parts[parts.length - 1], value);
    }

    /** The value at {@code path.to.key} in the tree, or null where there is none. */
    public Object valueAt(String path) {
        Object node = tree;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    public String name() {
        return name;
    }

    /** Relative paths in the problem (kernel files) are resolved against this directory. */
    public Path directory() {
        return directory;
    }

    /** The tree as read and overridden; readers fill in defaults as they go. */
    public Map<String, Object> tree() {
        return tree;
    }

    /** The tree as YAML text: after reading, the full resolved problem. */
    public String toYaml() {
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(tree);
    }
}
