package meanfield.app.output;

import java.nio.file.Path;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A work-precision diagram: error against wall time on log-log axes, one line per series (a
 * solver with one parameter refined), so that a user can read off the cheapest setting for the
 * accuracy they need. Points with a zero error cannot be drawn on a log axis and are left out.
 */
public final class WorkPrecisionPlot {
    /** The x axis's title. */
    public static final String WALL_TITLE = "wall time (s)";

    private WorkPrecisionPlot() {
    }

    /**
     * The diagram as a chart model (what {@link #write} saves).
     *
     * @param series per series name, its points as {wall seconds, error} pairs in the order run
     */
    public static XYChart chart(String title, String errorTitle, Map<String, double[][]> series) {
        XYChart chart = Charts.logLogChart(title, WALL_TITLE, errorTitle);
        for (Map.Entry<String, double[][]> s : series.entrySet()) {
            double[][] points = java.util.Arrays.stream(s.getValue()).filter(p -> p[0] > 0 && p[1] > 0)
                    .toArray(double[][]::new);
            if (points.length == 0) {
                continue;
            }
            double[] wall = new double[points.length];
            double[] error = new double[points.length];
            for (int p = 0; p < points.length; p++) {
                wall[p] = points[p][0];
                error[p] = points[p][1];
            }
            chart.addSeries(s.getKey(), wall, error).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Saves a diagram made by {@link #chart} into {@code file} as PNG; returns the file. */
    public static Path save(XYChart chart, Path file) {
        return Charts.save(chart, file);
    }
}
