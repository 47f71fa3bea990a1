package meanfield.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.ProblemSource;

/**
 * Turns the sweep's command line into a {@link SweepDefinition}, refusing before anything runs what
 * would fail in every task or make tasks collide: an unknown command, a key the problem does not
 * know, a value its reader refuses (each value is read once with the problem, the cost of a sum of
 * values, not of the product), text for a numeric key, seeds for a command without them, and
 * options the sweep sets itself per task.
 */
final class DefinitionBuilder {
    /** Options of the task's command line that the sweep sets per task. */
    private static final Set<String> RESERVED = Set.of("--out", "--threads", "--quiet");

    private DefinitionBuilder() {
    }

    static SweepDefinition build(String problem, String command, List<String> vary, String seedText,
            List<String> overrides, List<String> arguments) {
        return build(problem, command, vary, seedText, overrides, arguments, List.of());
    }

    /**
     * With the arrays to collect: {@code --collect} values, each a name or a comma-separated list of
     * names (a data file's array, e.g. rate); duplicates and names no file could hold are refused.
     */
    static SweepDefinition build(String problem, String command, List<String> vary, String seedText,
            List<String> overrides, List<String> arguments, List<String> collectText) {
        List<String> collect = new ArrayList<>();
        for (String text : collectText) {
            for (String name : text.split(",", -1)) {
                String n = name.strip();
                if (!n.matches("[A-Za-z0-9_][A-Za-z0-9_.\\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\\-]*)*")) {
                    throw new ProblemException("--collect", "'" + name + "' is not an array name (NAME[,NAME...],"
                            + " e.g. rate)");
                }
                if (collect.contains(n)) {
                    throw new ProblemException("--collect", n + " is named twice");
                }
                collect.add(n);
            }
        }
        if (command == null) {
            throw new ProblemException("--command", "name the command each task runs: " + String.join(", ",
                    SweepDefinition.COMMANDS));
        }
        if (!SweepDefinition.COMMANDS.contains(command)) {
            throw new ProblemException("--command", "must be one of " + String.join(", ", SweepDefinition.COMMANDS)
                    + ", got '" + command + "'");
        }
        for (String a : arguments) {
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (RESERVED.contains(name)) {
                throw new ProblemException("--", name + " is set by the sweep for each task; give --out and --threads"
                        + " to sweep itself (before --)");
            }
            if (name.equals("--seed") || name.equals("--seeds")) {
                throw new ProblemException("--", "give seeds to sweep as --seeds A-B (before --), not to the command");
            }
        }
        List<Long> seeds = SeedRange.parse(seedText);
        if (!seeds.isEmpty() && !command.equals("simulate") && !command.equals("validate")) {
            throw new ProblemException("--seeds", "only simulate and validate take seeds, not " + command);
        }
        if (command.equals("validate") && !seeds.isEmpty() && seeds.get(0) != 1) {
            throw new ProblemException("--seeds", "validate runs seeds 1..K within each task and fits over them:"
                    + " give 1-K, got " + seedText);
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (String v : vary) {
            Dimension d = Dimension.parse(v);
            if (dimensions.stream().anyMatch(x -> x.key().equals(d.key()))) {
                throw new ProblemException("--vary " + d.key(), "the key is varied twice");
            }
            dimensions.add(d);
        }
        if (dimensions.isEmpty() && !(command.equals("simulate") && !seeds.isEmpty())) {
            throw new ProblemException("--vary", "give at least one --vary KEY=VALUES (or --seeds A-B with simulate)");
        }
        Problem base = read(problem, overrides, null, null);
        String stored = storedName(problem);
        String text = problemText(problem, stored);
        for (Dimension d : dimensions) {
            Object current = valueAt(base.source().tree(), d.key());
            for (String value : d.values()) {
                if (current instanceof Number && Dimension.number(value) == null) {
                    throw new ProblemException("--vary " + d.key(), "'" + value + "' is not a number, and the key is"
                            + " numeric (" + current + " in the problem)");
                }
                read(problem, overrides, d.key(), value).requireUsed(d.key(), "--vary");
            }
        }
        return new SweepDefinition(stored, text, command, dimensions, seeds, overrides, arguments, collect);
    }

    /** The problem read with --set and one varied value; its errors name the --vary they come from. */
    private static Problem read(String problem, List<String> overrides, String key, String value) {
        ProblemSource source = ProblemSource.load(problem);
        overrides.forEach(source::set);
        if (key == null) {
            return Problem.read(source);
        }
        try {
            source.set(key + "=" + value);
            return Problem.read(source);
        } catch (ProblemException e) {
            throw new ProblemException("--vary " + key + "=" + value, e.getMessage());
        }
    }

    /** A problem file by its absolute path (tasks and Slurm jobs may start elsewhere), a built-in by name. */
    private static String storedName(String problem) {
        Path file = Path.of(problem);
        return Files.isRegularFile(file) ? file.toAbsolutePath().normalize().toString() : problem;
    }

    private static String problemText(String problem, String stored) {
        Path file = Path.of(stored);
        if (Files.isRegularFile(file)) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new ProblemException(problem, "cannot read the problem file: " + e.getMessage());
            }
        }
        return ProblemSource.builtInText(problem);
    }

    /** The value at path.to.key in the resolved tree, or null. */
    private static Object valueAt(Map<String, Object> tree, String key) {
        Object node = tree;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(part);
        }
        return node;
    }
}
