package meanfield.solvers.result;

import java.util.List;

/**
 * A named array of a result over named axes (row-major, last axis fastest). A variable whose first
 * axis is {@link Axis#TIME} gets one slice per output time; any other is written once, from
 * {@code values} if it is known when the run starts, or when the run finishes.
 */
public record Variable(String name, String units, String longName, List<String> dims, double[] values) {

    /** A variable with one slice per output time over the given axes. */
    public static Variable perOutput(String name, String units, String longName, String... axes) {
        List<String> dims = new java.util.ArrayList<>();
        dims.add(Axis.TIME);
        dims.addAll(List.of(axes));
        return new Variable(name, units, longName, List.copyOf(dims), null);
    }

    /** A variable known when the run starts. */
    public static Variable constant(String name, String units, String longName, double[] values, String... axes) {
        return new Variable(name, units, longName, List.of(axes), values);
    }

    public boolean timeDependent() {
        return !dims.isEmpty() && dims.get(0).equals(Axis.TIME);
    }
}
