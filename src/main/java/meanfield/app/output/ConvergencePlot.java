package meanfield.app.output;

import java.nio.file.Path;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The log-log plot of a convergence study: error against the refined quantity, with reference
 * slopes 1, 2 and 4 through the finest error (in the direction of refinement).
 */
public final class ConvergencePlot {
    private ConvergencePlot() {
    }

    /**
     * @param values the refined key's value per level (errors NaN where none)
     * @param h      the step-like size per level (value for steps, 1 / value for counts): slopes are in h
     */
    public static Path write(Path file, String key, double[] values, double[] h, double[] errors) {
        XYChart chart = Charts.lineChart("Convergence in " + key, key, "error");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        int m = 0;
        for (double e : errors) {
            m += e > 0 ? 1 : 0;
        }
        double[] x = new double[m];
        double[] y = new double[m];
        int last = -1;
        for (int i = 0, j = 0; i < errors.length; i++) {
            if (errors[i] > 0) {
                x[j] = values[i];
                y[j++] = errors[i];
                last = i;
            }
        }
        if (m > 0) {
            chart.addSeries("error", x, y).setMarker(SeriesMarkers.CIRCLE);
            for (int p : new int[] {1, 2, 4}) {
                double[] ref = new double[m];
                for (int j = 0, i = 0; i < errors.length; i++) {
                    if (errors[i] > 0) {
                        ref[j++] = errors[last] * Math.pow(h[i] / h[last], p);
                    }
                }
                chart.addSeries("slope " + p, x, ref).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return Charts.save(chart, file);
    }
}
