package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;

/** The density heat maps of TOPO and MV (solve and simulate): axes, aspect, colour scale. */
class FieldPlotsTest {
    private static double[] centres(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 0.5) / n;
        }
        return x;
    }

    @Test
    void aSpaceTimePlotHasRoundTimesAcrossRoundPositionsUpAndTheValuesRange() {
        double[] times = new double[41];
        for (int i = 0; i < times.length; i++) {
            times[i] = 0.05 * i;
        }
        double[] x = centres(256);
        HeatMapChart chart = FieldPlots.spaceTime(x, times, t -> {
            double[] rho = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                rho[i] = 1 + 0.4 * Math.cos(2 * Math.PI * (x[i] - 0.1 * t));
            }
            return rho;
        }, null);
        var series = chart.getHeatMapSeries();
        assertEquals(List.of("0", "0.5", "1", "1.5", "2"), ChartsTest.shown(series.getXData()));
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), ChartsTest.shown(series.getYData()));
        assertEquals("t", chart.getXAxisTitle());
        assertEquals("x", chart.getYAxisTitle());
        assertEquals("ρ (mass per unit volume)", series.getName());
        // 1 +- 0.4 rounded outwards to three digits.
        assertEquals(0.6, chart.getStyler().getMin(), 1e-12);
        assertEquals(1.4, chart.getStyler().getMax(), 1e-12);
    }

    @Test
    void aTwoDimensionalSnapshotIsSquareAndTakesAFixedColourRange() {
        int n = 64;
        double[] field = new double[n * n];
        for (int k = 0; k < field.length; k++) {
            field[k] = 3.0 * k / field.length;
        }
        HeatMapChart chart = FieldPlots.snapshot(centres(n), 0.5, field, new ColourRanges.Range(0, 2));
        // The chart is the image less the colour bar's strip: square within a few pixels of axis titles.
        assertTrue(Math.abs(chart.getWidth() - chart.getHeight()) <= 20, chart.getWidth() + " x " + chart.getHeight());
        assertEquals(0.0, chart.getStyler().getMin());
        assertEquals(2.0, chart.getStyler().getMax());
        assertEquals("Density ρ(x, y) at t = 0.5", chart.getTitle());
        assertEquals("x", chart.getXAxisTitle());
        assertEquals("y", chart.getYAxisTitle());
        double largest = 0;
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            largest = Math.max(largest, cell[2].doubleValue());
        }
        assertEquals(2.0, largest, "values above the range take its top colour");
    }
}
