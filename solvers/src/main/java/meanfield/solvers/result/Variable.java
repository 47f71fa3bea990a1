package meanfield.solvers.result;

import java.util.List;

/**
 * A named array of a result over named axes (row-major, last axis fastest). A variable whose first
 * axis is {@link Axis#TIME} gets one slice per output time; any other is written once, from
 * {@code values} if it is known when the run starts, or when the run finishes. Values are held as
 * doubles; an {@code integer} variable (a count, an index) holds whole numbers and is stored as
 * 64-bit integers.
 */
public record Variable(String name, String units, String longName, List<String> dims, double[] values,
        boolean integer) {

    /** A real-valued variable. */
    public Variable(String name, String units, String longName, List<String> dims, double[] values) {
        this(name, units, longName, dims, values, false);
    }

    /** A variable with one slice per output time over the given axes. */
    public static Variable perOutput(String name, String units, String longName, String... axes) {
        List<String> dims = new java.util.ArrayList<>();
        dims.add(Axis.TIME);
        dims.addAll(List.of(axes));
        return new Variable(name, units, longName, List.copyOf(dims), null);
    }

    /** A variable known when the run starts (or, with values null, when it finishes). */
    public static Variable constant(String name, String units, String longName, double[] values, String... axes) {
        return new Variable(name, units, longName, List.of(axes), values);
    }

    /** The same variable, stored as integers. */
    public Variable asInteger() {
        return new Variable(name, units, longName, dims, values, true);
    }

    /** The same variable under another long name (a selection that keeps only its last output says so). */
    public Variable withLongName(String text) {
        return new Variable(name, units, text, dims, values, integer);
    }

    /** The same variable over other axes, with the values given (null: known at the end). */
    public Variable over(List<String> axes, double[] newValues) {
        return new Variable(name, units, longName, List.copyOf(axes), newValues, integer);
    }

    public boolean timeDependent() {
        return !dims.isEmpty() && dims.get(0).equals(Axis.TIME);
    }
}
