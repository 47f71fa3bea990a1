package meanfield.solvers.result;

/**
 * A coordinate of a result: its name (the dataset name in output files), units, a long name
 * for plots and readers, and its values ({@code null} for the time axis, which grows as a run goes).
 */
public record Axis(String name, String units, String longName, double[] values) {
    /** The name of the time axis every time-dependent variable starts with. */
    public static final String TIME = "t";

    public static Axis time() {
        return new Axis(TIME, "1", "time", null);
    }

    public int length() {
        return values.length;
    }
}
