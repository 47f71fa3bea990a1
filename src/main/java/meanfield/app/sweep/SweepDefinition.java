package meanfield.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import meanfield.app.problem.ProblemException;

/**
 * What a sweep is, as {@code sweep.json} keeps it: the problem (a built-in name or an absolute path)
 * with the text it had, the command, the varied keys, the seeds, the sweep's --set and the command's
 * own options, and the arrays --collect gathers from every task. Engine, threads and shard are not part of it: they never change a result. The task
 * list follows from it in a fixed order (the first --vary outermost, seeds innermost) and is written
 * out too, so that the file says exactly which tasks exist.
 */
public record SweepDefinition(String problem, String problemText, String command, List<Dimension> dimensions,
        List<Long> seeds, List<String> overrides, List<String> arguments, List<String> collect) {
    public static final String FILE = "sweep.json";
    static final List<String> COMMANDS = List.of("solve", "simulate", "converge", "validate", "stationary");

    public SweepDefinition {
        dimensions = List.copyOf(dimensions);
        seeds = List.copyOf(seeds);
        overrides = List.copyOf(overrides);
        arguments = List.copyOf(arguments);
        collect = List.copyOf(collect);
    }

    /** A definition that collects no arrays. */
    public SweepDefinition(String problem, String problemText, String command, List<Dimension> dimensions,
            List<Long> seeds, List<String> overrides, List<String> arguments) {
        this(problem, problemText, command, dimensions, seeds, overrides, arguments, List.of());
    }

    /** The cartesian product of the values, then seeds for simulate; deterministic. */
    public List<SweepTask> tasks() {
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Dimension d : dimensions) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : d.values()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(d.key(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<Long> taskSeeds = command.equals("simulate") && !seeds.isEmpty() ? seeds : null;
        List<SweepTask> tasks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map<String, String> c : combos) {
            for (Long s : taskSeeds == null ? java.util.Collections.<Long>singletonList(null) : taskSeeds) {
                String name = name(c, s);
                if (!names.add(name)) {
                    throw new ProblemException("--vary", "two tasks would share the directory tasks/" + name
                            + " (values that differ only in characters a file name cannot hold)");
                }
                tasks.add(new SweepTask(tasks.size(), name, c, s));
            }
        }
        return tasks;
    }

    /** key=value,...[,seed=S], with characters a directory name should not hold replaced by '_'. */
    private static String name(Map<String, String> values, Long seed) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + v));
        if (seed != null) {
            parts.add("seed=" + seed);
        }
        return String.join(",", parts).replaceAll("[^A-Za-z0-9._=,+\\-]", "_");
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", problem);
        m.put("problem_text", problemText);
        m.put("command", command);
        List<Map<String, Object>> vary = new ArrayList<>();
        for (Dimension d : dimensions) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("key", d.key());
            dm.put("values", d.values());
            vary.add(dm);
        }
        m.put("vary", vary);
        m.put("seeds", seeds);
        m.put("set", overrides);
        m.put("arguments", arguments);
        // Only when given: the sweep.json of a sweep without --collect is as before.
        if (!collect.isEmpty()) {
            m.put("collect", collect);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (SweepTask t : tasks()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("index", t.index());
            tm.put("name", t.name());
            tm.put("values", t.values());
            if (t.seed() != null) {
                tm.put("seed", t.seed());
            }
            list.add(tm);
        }
        m.put("tasks", list);
        return m;
    }

    void write(Path dir) {
        try {
            AtomicFiles.write(dir.resolve(FILE), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toMap()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /** The definition stored in a sweep directory; a directory without one is a user error. */
    @SuppressWarnings("unchecked")
    public static SweepDefinition read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(dir.toString(), "not a sweep directory (no " + FILE + ")");
        }
        try {
            Map<String, Object> m = new ObjectMapper().readValue(file.toFile(), Map.class);
            List<Dimension> dims = new ArrayList<>();
            for (Map<String, Object> d : (List<Map<String, Object>>) m.get("vary")) {
                dims.add(new Dimension((String) d.get("key"), (List<String>) d.get("values")));
            }
            List<Long> seeds = ((List<Number>) m.get("seeds")).stream().map(Number::longValue).toList();
            return new SweepDefinition((String) m.get("problem"), (String) m.get("problem_text"),
                    (String) m.get("command"), dims, seeds, (List<String>) m.get("set"), (List<String>) m.get("arguments"),
                    (List<String>) m.getOrDefault("collect", List.of()));
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new ProblemException(file.toString(), "cannot read the sweep's definition: " + e.getMessage());
        }
    }

    /** How this definition differs from the stored one, or null when they are the same sweep. */
    String difference(SweepDefinition stored) {
        if (!problem.equals(stored.problem)) {
            return "the problem is " + stored.problem + " there, not " + problem;
        }
        if (!problemText.equals(stored.problemText)) {
            return "the problem file " + problem + " has changed since the sweep was defined";
        }
        if (!command.equals(stored.command)) {
            return "--command is " + stored.command + " there, not " + command;
        }
        if (!dimensions.equals(stored.dimensions)) {
            return "--vary is " + varyText(stored.dimensions) + " there, not " + varyText(dimensions);
        }
        if (!seeds.equals(stored.seeds)) {
            return "--seeds is " + seedText(stored.seeds) + " there, not " + seedText(seeds);
        }
        if (!overrides.equals(stored.overrides)) {
            return "--set is " + stored.overrides + " there, not " + overrides;
        }
        if (!arguments.equals(stored.arguments)) {
            return "the command's options (after --) are " + stored.arguments + " there, not " + arguments;
        }
        if (!collect.equals(stored.collect)) {
            return "--collect is " + listText(stored.collect) + " there, not " + listText(collect);
        }
        return null;
    }

    private static String varyText(List<Dimension> dims) {
        List<String> parts = new ArrayList<>();
        for (Dimension d : dims) {
            parts.add(d.key() + "=" + String.join(",", d.values()));
        }
        return parts.isEmpty() ? "(none)" : String.join(" ", parts);
    }

    private static String listText(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(",", names);
    }

    private static String seedText(List<Long> seeds) {
        return seeds.isEmpty() ? "(none)" : seeds.get(0) + "-" + seeds.get(seeds.size() - 1);
    }
}
