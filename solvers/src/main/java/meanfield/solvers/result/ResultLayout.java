package meanfield.solvers.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run produces, before it produces it: its axes and variables. Time-dependent variables
 * are numbered in their order here; that number indexes the slices a run hands to a
 * {@link ResultSink}.
 */
public final class ResultLayout {
    private final Map<String, Axis> axes = new LinkedHashMap<>();
    private final List<Variable> variables;
    private final List<Variable> perOutput = new ArrayList<>();

    public ResultLayout(List<Axis> axes, List<Variable> variables) {
        for (Axis a : axes) {
            this.axes.put(a.name(), a);
        }
        this.variables = List.copyOf(variables);
        for (Variable v : variables) {
            for (String d : v.dims()) {
                if (!this.axes.containsKey(d)) {
                    throw new IllegalArgumentException("variable " + v.name() + " is over the unknown axis " + d);
                }
            }
            if (v.timeDependent()) {
                perOutput.add(v);
            } else if (v.values() != null && v.values().length != size(v)) {
                throw new IllegalArgumentException("variable " + v.name() + " holds " + v.values().length
                        + " values, its axes " + size(v));
            }
        }
    }

    public List<Axis> axes() {
        return List.copyOf(axes.values());
    }

    public Axis axis(String name) {
        Axis a = axes.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no axis " + name);
        }
        return a;
    }

    public List<Variable> variables() {
        return variables;
    }

    /** The time-dependent variables, in the order of the slices of every output. */
    public List<Variable> perOutput() {
        return perOutput;
    }

    /** Index of a time-dependent variable among {@link #perOutput()}. */
    public int slot(String name) {
        for (int i = 0; i < perOutput.size(); i++) {
            if (perOutput.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no time-dependent variable " + name);
    }

    /** The shape of one slice (time-dependent variables) or of the whole array (others). */
    public int[] shape(Variable v) {
        List<String> dims = v.timeDependent() ? v.dims().subList(1, v.dims().size()) : v.dims();
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = axis(dims.get(i)).length();
        }
        return shape;
    }

    /** Values in one slice (time-dependent) or in the whole array. */
    public int size(Variable v) {
        int size = 1;
        for (int n : shape(v)) {
            size *= n;
        }
        return size;
    }

    /** Where flat index i of a slice of v lies, as "xi = 0.3 (index 5), v = ..." for messages. */
    public String describe(Variable v, int i) {
        List<String> dims = v.timeDependent() ? v.dims().subList(1, v.dims().size()) : v.dims();
        int[] shape = shape(v);
        String[] parts = new String[shape.length];
        int rest = i;
        for (int a = shape.length - 1; a >= 0; a--) {
            int index = rest % shape[a];
            rest /= shape[a];
            Axis axis = axis(dims.get(a));
            parts[a] = String.format(Locale.ROOT, "%s = %.6g (index %d)", axis.name(), axis.values()[index], index);
        }
        return String.join(", ", parts);
    }
}
