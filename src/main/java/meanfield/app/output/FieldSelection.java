package meanfield.app.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.result.Variable;

/**
 * Which variables of a run its data file stores ({@code output.fields}): every one (the default), or
 * those named, a time-dependent one either at every output ({@code density}) or at the last output
 * only ({@code density@last}, stored without the time axis). Axes are always stored. Applied as a
 * {@link ResultSink} in front of the file's writer, so the run and its memory (plots, summaries)
 * still see every variable.
 */
public final class FieldSelection {
    /** The suffix that keeps only the last output of a time-dependent variable. */
    public static final String LAST = "@last";
    public static final FieldSelection ALL = new FieldSelection(null);

    /** A requested field: a variable's name, at every output or at the last one only. */
    public record Field(String name, boolean lastOnly) {
        /** {@code name} or {@code name@last}. */
        public static Field parse(String entry) {
            return entry.endsWith(LAST) ? new Field(entry.substring(0, entry.length() - LAST.length()), true)
                    : new Field(entry, false);
        }

        @Override
        public String toString() {
            return lastOnly ? name + LAST : name;
        }
    }

    private final Map<String, Field> fields;

    private FieldSelection(Map<String, Field> fields) {
        this.fields = fields;
    }

    public static FieldSelection of(List<Field> chosen) {
        if (chosen == null) {
            return ALL;
        }
        Map<String, Field> map = new LinkedHashMap<>();
        chosen.forEach(f -> map.put(f.name(), f));
        return new FieldSelection(map);
    }

    public boolean all() {
        return fields == null;
    }

    /**
     * The first requested field that the layout has no variable of, or that asks a variable without
     * time for its last output: a message for {@code output.fields}; null when every field is known.
     */
    public String unknown(ResultLayout layout) {
        if (fields == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        layout.variables().forEach(v -> names.add(v.name()));
        for (Field f : fields.values()) {
            if (!names.contains(f.name())) {
                return "unknown field '" + f.name() + "': this run writes " + String.join(", ", names);
            }
            Variable v = variable(layout, f.name());
            if (f.lastOnly() && !v.timeDependent()) {
                return "'" + f + "': " + f.name() + " has no time axis, so it is stored once anyway: write " + f.name();
            }
        }
        return null;
    }

    private static Variable variable(ResultLayout layout, String name) {
        return layout.variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    /** The layout as stored: the chosen variables, those kept at the last output only without their time axis. */
    public ResultLayout stored(ResultLayout layout) {
        if (fields == null) {
            return layout;
        }
        List<Variable> kept = new ArrayList<>();
        for (Variable v : layout.variables()) {
            Field f = fields.get(v.name());
            if (f == null) {
                continue;
            }
            if (f.lastOnly()) {
                kept.add(v.over(v.dims().subList(1, v.dims().size()), null)
                        .withLongName(v.longName() + ", at the last output time"));
            } else {
                kept.add(v);
            }
        }
        return new ResultLayout(layout.axes(), kept);
    }

    /** A sink that hands the chosen variables of every output to {@code file}. */
    public ResultSink applyTo(ResultSink file) {
        return fields == null ? file : new Selected(file);
    }

    /** The sink in front of a data file's writer. */
    private final class Selected implements ResultSink {
        private final ResultSink file;
        /** For each stored time-dependent variable, its slot in the run's slices. */
        private int[] slots;
        /** Variables kept at the last output only: their slot, and the latest slice. */
        private final Map<String, Integer> lastSlots = new LinkedHashMap<>();
        private final Map<String, double[]> last = new HashMap<>();

        Selected(ResultSink file) {
            this.file = file;
        }

        @Override
        public void begin(ResultLayout layout, int outputs, int first) {
            ResultLayout stored = stored(layout);
            slots = stored.perOutput().stream().mapToInt(v -> layout.slot(v.name())).toArray();
            for (Field f : fields.values()) {
                if (f.lastOnly()) {
                    lastSlots.put(f.name(), layout.slot(f.name()));
                }
            }
            last.clear();
            file.begin(stored, outputs, first);
        }

        @Override
        public void output(int index, double t, double[][] slices) {
            double[][] chosen = new double[slots.length][];
            for (int i = 0; i < slots.length; i++) {
                chosen[i] = slices[slots[i]];
            }
            lastSlots.forEach((name, slot) -> last.put(name, slices[slot].clone()));
            file.output(index, t, chosen);
        }

        @Override
        public void finish(int outputsReached, Map<String, double[]> finalValues) {
            Map<String, double[]> kept = new LinkedHashMap<>();
            finalValues.forEach((name, values) -> {
                if (fields.containsKey(name)) {
                    kept.put(name, values);
                }
            });
            if (outputsReached > 0) {
                kept.putAll(last);
            }
            file.finish(outputsReached, kept);
        }
    }
}
