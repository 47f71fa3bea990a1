package meanfield.app.output;

import java.nio.file.Path;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plots of validate: distances against N with their fits, and observables of both sides on the same bins. */
public final class ValidationPlots {
    private ValidationPlots() {
    }

    /**
     * Mean distance against N on log-log axes, each distance with its fitted line C N^p, and the line
     * N^-1/2 through the reference distance's value at the largest N.
     */
    public static Path errors(Path file, double[] n, Map<String, double[]> means, Map<String, double[]> fitLines,
            double[] reference) {
        return Charts.save(errorsChart(n, means, fitLines, reference), file);
    }

    static XYChart errorsChart(double[] n, Map<String, double[]> means, Map<String, double[]> fitLines,
            double[] reference) {
        XYChart chart = Charts.logLogChart("Particle-versus-continuum distances", "particles N", "distance (mean over seeds)");
        // A distance's points and its fitted line share a colour (the fit's name starts with the distance's).
        java.awt.Color[] palette = chart.getStyler().getSeriesColors();
        Map<String, java.awt.Color> colours = new java.util.HashMap<>();
        for (Map.Entry<String, double[]> e : means.entrySet()) {
            java.awt.Color colour = palette[colours.size() % palette.length];
            colours.put(e.getKey(), colour);
            if (positive(e.getValue())) {
                var points = chart.addSeries(e.getKey(), n, e.getValue());
                points.setMarkerColor(colour);
                points.setMarker(SeriesMarkers.CIRCLE).setLineStyle(SeriesLines.NONE);
            }
        }
        for (Map.Entry<String, double[]> e : fitLines.entrySet()) {
            if (positive(e.getValue())) {
                var fit = chart.addSeries(e.getKey(), n, e.getValue());
                fit.setMarker(SeriesMarkers.NONE);
                colours.entrySet().stream().filter(c -> e.getKey().startsWith(c.getKey() + " ")).findFirst()
                        .ifPresent(c -> fit.setLineColor(c.getValue()));
            }
        }
        if (positive(reference)) {
            chart.addSeries("N^-1/2", n, reference).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
        }
        return chart;
    }

    /** Curves over a common x: the continuum drawn as lines, the particle series as markers. */
    public static Path overlay(Path file, String title, String xTitle, String yTitle, double[] x,
            Map<String, double[]> continuum, Map<String, double[]> particles) {
        return Charts.save(overlayChart(title, xTitle, yTitle, x, continuum, particles), file);
    }

    static XYChart overlayChart(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> continuum,
            Map<String, double[]> particles) {
        XYChart chart = Charts.lineChart(title, xTitle, yTitle);
        continuum.forEach((name, y) -> chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE));
        particles.forEach((name, y) -> chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE)
                .setLineStyle(SeriesLines.NONE));
        return chart;
    }

    private static boolean positive(double[] y) {
        if (y == null) {
            return false;
        }
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return y.length > 0;
    }
}
