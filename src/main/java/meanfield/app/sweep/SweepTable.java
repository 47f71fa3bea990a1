package meanfield.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged table of a sweep, one row per task in task order: the task's name, the varied values
 * (and the seed), its status and wall time, then the scalar results of its summary.json (the union
 * over tasks, in order of first appearance; a missing value is NaN).
 */
public record SweepTable(List<String> parameters, List<Boolean> numericParameters, List<Row> rows,
        List<String> results) {

    /** One task's row. */
    public record Row(SweepTask task, List<String> parameterValues, TaskStatus status, double wallSeconds,
            Map<String, Double> results) {
    }

    public static SweepTable collect(SweepDefinition definition, Path sweepDirectory) {
        List<String> parameters = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        for (Dimension d : definition.dimensions()) {
            parameters.add(d.key());
            numeric.add(d.numeric());
        }
        List<SweepTask> tasks = definition.tasks();
        boolean seeded = tasks.stream().anyMatch(t -> t.seed() != null);
        if (seeded) {
            parameters.add("seed");
            numeric.add(true);
        }
        TaskRunner locator = new TaskRunner(definition, sweepDirectory);
        List<Row> rows = new ArrayList<>();
        Set<String> results = new LinkedHashSet<>();
        for (SweepTask t : tasks) {
            TaskDirectory dir = locator.directory(t);
            TaskStatus status = dir.status();
            List<String> values = new ArrayList<>(t.values().values());
            if (seeded) {
                values.add(String.valueOf(t.seed()));
            }
            Map<String, Double> scalars = status == TaskStatus.DONE
                    ? SummaryScalars.read(dir.run().resolve("summary.json")) : new LinkedHashMap<>();
            results.addAll(scalars.keySet());
            rows.add(new Row(t, values, status, status == TaskStatus.DONE ? dir.wallSeconds() : Double.NaN, scalars));
        }
        return new SweepTable(parameters, numeric, rows, new ArrayList<>(results));
    }

    /** The tasks not done, by name. */
    public List<String> missing() {
        return rows.stream().filter(r -> r.status() != TaskStatus.DONE).map(r -> r.task().name()).toList();
    }

    /** Tasks per status, every status present (zero counts included). */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s.label(), 0);
        }
        for (Row r : rows) {
            counts.merge(r.status().label(), 1, Integer::sum);
        }
        return counts;
    }

    /** A result column as numbers, NaN where a task has none. */
    public double[] result(String name) {
        return rows.stream().mapToDouble(r -> r.results().getOrDefault(name, Double.NaN)).toArray();
    }
}
