package meanfield.solvers.result;

/**
 * A coordinate of a result: its name (the dataset name in output files), units, a long name
 * for plots and readers, and its values ({@code null} for the time axis, which grows as a run goes,
 * and for an axis whose length is known only when the run finishes, such as the spikes of a particle
 * run). An {@code integer} axis (an index: neuron, velocity node) is stored as integers.
 */
public record Axis(String name, String units, String longName, double[] values, boolean integer) {
    /** The name of the time axis every time-dependent variable starts with. */
    public static final String TIME = "t";

    /** A real-valued axis. */
    public Axis(String name, String units, String longName, double[] values) {
        this(name, units, longName, values, false);
    }

    public static Axis time() {
        return new Axis(TIME, "1", "time", null);
    }

    /** The indices 0, 1, ..., n - 1, stored as integers. */
    public static Axis index(String name, String longName, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return new Axis(name, "1", longName, values, true);
    }

    /** An axis without coordinate values whose length only the run's end tells (the variables over it are final values). */
    public static Axis lengthAtEnd(String name, String longName) {
        return new Axis(name, "1", longName, null, true);
    }

    /** Whether the axis has values to store as a coordinate (not time, not an axis known at the end). */
    public boolean hasValues() {
        return values != null;
    }

    public int length() {
        return values.length;
    }
}
