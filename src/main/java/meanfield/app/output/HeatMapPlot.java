package meanfield.app.output;

import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.HeatMapChart;

/**
 * A heat map of a result over two parameters' values (category axes, labelled with the values as
 * given), saved as PNG: a sweep over two numeric keys. Missing results (NaN) are grey cells; the
 * colour bar ({@link ColourBar}) is titled with the series' name (the result).
 */
public final class HeatMapPlot {
    private HeatMapPlot() {
    }

    /** The chart: {@code z[i][j]} at the i-th x label and the j-th y label; the colour bar is labelled {@code zTitle}. */
    public static HeatMapChart chart(String title, String xTitle, String yTitle, String zTitle, List<String> xLabels,
            List<String> yLabels, double[][] z) {
        return Charts.categoryHeatMap(title, xTitle, yTitle, zTitle, xLabels, yLabels, z);
    }

    /** Writes the chart with its colour bar, titled with the series' name (the result), to {@code file}, as PNG. */
    public static Path write(Path file, HeatMapChart chart) {
        return Charts.save(chart, file);
    }
}
