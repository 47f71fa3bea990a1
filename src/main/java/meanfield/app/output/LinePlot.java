package meanfield.app.output;

import java.nio.file.Path;
import java.util.Map;

import org.knowm.xchart.XYChart;

/** A line chart of named series (x, y) saved as PNG, in the style of the other plots: a sweep's result against a parameter. */
public final class LinePlot {
    private LinePlot() {
    }

    /** Writes the chart to {@code file}; series are drawn in the map's order, each with markers. */
    public static Path write(Path file, String title, String xTitle, String yTitle, Map<String, double[][]> series,
            boolean logY) {
        XYChart chart = Charts.lineChart(title, xTitle, yTitle);
        chart.getStyler().setYAxisLogarithmic(logY);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        return Charts.save(chart, file);
    }
}
