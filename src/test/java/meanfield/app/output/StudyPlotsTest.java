package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plot models of converge and validate: which series, where their points lie, and how they are drawn. */
class StudyPlotsTest {
    private static XYSeries series(XYChart chart, String name) {
        XYSeries s = chart.getSeriesMap().get(name);
        assertTrue(s != null, "no series " + name + " in " + chart.getSeriesMap().keySet());
        return s;
    }

    @Test
    void aConvergencePlotDrawsReferenceSlopesThroughTheFinestErrorAndSkipsLevelsWithoutOne() {
        double[] cells = {16, 32, 64, 128};
        double[] h = {1.0 / 16, 1.0 / 32, 1.0 / 64, 1.0 / 128};
        double[] errors = {Double.NaN, 4e-3, 1e-3, 2.5e-4};
        XYChart chart = ConvergencePlot.chart("grid.v.cells", cells, h, errors);
        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("error", "slope 1", "slope 2", "slope 4"), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {32, 64, 128}, series(chart, "error").getXData());
        assertArrayEquals(new double[] {4e-3, 1e-3, 2.5e-4}, series(chart, "error").getYData());
        // Each reference passes through the finest error and has its slope in h: 2.5e-4 (h / h_last)^p.
        assertArrayEquals(new double[] {1e-3, 5e-4, 2.5e-4}, series(chart, "slope 1").getYData(), 1e-18);
        assertArrayEquals(new double[] {4e-3, 1e-3, 2.5e-4}, series(chart, "slope 2").getYData(), 1e-18);
        assertArrayEquals(new double[] {6.4e-2, 4e-3, 2.5e-4}, series(chart, "slope 4").getYData(), 1e-16);
        assertEquals(SeriesLines.DASH_DASH, series(chart, "slope 2").getLineStyle());
        assertEquals("grid.v.cells", chart.getXAxisTitle());
    }

    @Test
    void aParticleStudyDrawsTheSamplingSlopeThroughTheLargestNAndLeavesOutAZeroBias() {
        double[] n = {100, 400, 1600};
        XYChart chart = ConvergencePlot.particlesChart(n, new double[] {0.4, 0.2, 0.1}, new double[] {0.1, 0.05, 0});
        assertArrayEquals(new double[] {0.4, 0.2, 0.1}, series(chart, "N^-1/2").getYData(), 1e-15);
        assertArrayEquals(new double[] {100, 400}, series(chart, "bias (seed average)").getXData());
        assertEquals(SeriesMarkers.CIRCLE, series(chart, "mean distance").getMarker());
    }

    @Test
    void validationErrorsShareAColourWithTheirFitsAndLeaveOutNonPositiveSeries() {
        double[] n = {1000, 4000};
        Map<String, double[]> means = new LinkedHashMap<>();
        means.put("rate", new double[] {0.2, 0.1});
        means.put("density", new double[] {0.3, 0});
        Map<String, double[]> fits = new LinkedHashMap<>();
        fits.put("rate fit 6.3 N^-0.50", new double[] {0.2, 0.1});
        XYChart chart = ValidationPlots.errorsChart(n, means, fits, new double[] {0.2, 0.1});
        assertFalse(chart.getSeriesMap().containsKey("density"), "a zero distance has no place on a log axis");
        assertEquals(series(chart, "rate").getMarkerColor(), series(chart, "rate fit 6.3 N^-0.50").getLineColor());
        assertEquals(SeriesLines.NONE, series(chart, "rate").getLineStyle());
        assertEquals(SeriesLines.DASH_DASH, series(chart, "N^-1/2").getLineStyle());
        assertEquals("particles N", chart.getXAxisTitle());
    }

    @Test
    void anOverlayDrawsTheContinuumAsLinesAndTheParticlesAsMarkersOverTheSameX() {
        double[] x = {0.25, 0.75};
        XYChart chart = ValidationPlots.overlayChart("rates", "ξ", "r (1/time)", x,
                Map.of("continuum", new double[] {1, 2}), Map.of("N = 1000", new double[] {1.1, 1.9}));
        assertEquals(SeriesMarkers.NONE, series(chart, "continuum").getMarker());
        assertEquals(SeriesLines.NONE, series(chart, "N = 1000").getLineStyle());
        assertEquals(SeriesMarkers.CIRCLE, series(chart, "N = 1000").getMarker());
        assertArrayEquals(x, series(chart, "N = 1000").getXData());
        assertEquals("r (1/time)", chart.getYAxisTitle());
    }
}
