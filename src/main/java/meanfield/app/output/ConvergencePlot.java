package meanfield.app.output;

import java.nio.file.Path;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The log-log plot of a convergence study: error against the refined quantity, with reference
 * slopes 1, 2 and 4 through the finest error (in the direction of refinement); for a particle-number
 * study, the mean distance and the bias against N with the sampling-noise slope N^-1/2.
 */
public final class ConvergencePlot {
    private ConvergencePlot() {
    }

    /**
     * @param values the refined key's value per level (errors NaN where none)
     * @param h      the step-like size per level (value for steps, 1 / value for counts): slopes are in h
     */
    public static Path write(Path file, String key, double[] values, double[] h, double[] errors) {
        return Charts.save(chart(key, values, h, errors), file);
    }

    static XYChart chart(String key, double[] values, double[] h, double[] errors) {
        XYChart chart = Charts.logLogChart("Convergence in " + key, key, "error");
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
        return chart;
    }

    /**
     * A particle-number study: the mean distance over seeds and the bias (distance of the seed average)
     * against N, and the line N^-1/2 through the largest N's mean, the slope of sampling noise alone.
     */
    public static Path particles(Path file, double[] n, double[] mean, double[] bias) {
        return Charts.save(particlesChart(n, mean, bias), file);
    }

    static XYChart particlesChart(double[] n, double[] mean, double[] bias) {
        XYChart chart = Charts.logLogChart("Particle-versus-continuum distance", "particles N", "distance");
        addPositive(chart, "mean distance", n, mean).ifPresent(s -> s.setMarker(SeriesMarkers.CIRCLE));
        addPositive(chart, "bias (seed average)", n, bias).ifPresent(s -> s.setMarker(SeriesMarkers.DIAMOND));
        int last = -1;
        for (int i = 0; i < mean.length; i++) {
            last = mean[i] > 0 ? i : last;
        }
        if (last >= 0) {
            double[] ref = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                ref[i] = mean[last] * Math.sqrt(n[last] / n[i]);
            }
            chart.addSeries("N^-1/2", n, ref).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
        }
        return chart;
    }

    /** The points with a positive value (a log axis has no room for the others), as a series if any. */
    private static java.util.Optional<org.knowm.xchart.XYSeries> addPositive(XYChart chart, String name, double[] x,
            double[] y) {
        int m = 0;
        for (double v : y) {
            m += v > 0 ? 1 : 0;
        }
        if (m == 0) {
            return java.util.Optional.empty();
        }
        double[] px = new double[m];
        double[] py = new double[m];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (y[i] > 0) {
                px[j] = x[i];
                py[j++] = y[i];
            }
        }
        return java.util.Optional.of(chart.addSeries(name, px, py));
    }
}
