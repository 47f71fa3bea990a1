package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;

/** Heat-map axes through XChart's own model: labels at round numbers, on the categories they name. */
class ChartsTest {

    /** The labels that are not blank, in order. */
    static List<String> shown(List<?> labels) {
        List<String> out = new ArrayList<>();
        for (Object l : labels) {
            if (!l.toString().isBlank()) {
                out.add(l.toString());
            }
        }
        return out;
    }

    @Test
    void labelCellCentresRoundNumbersNotCentres() {
        // 64 label cells: centres 0.0078125 ... 0.9921875; labels 0, 0.2, ..., 1 each on the nearest centre.
        int[] all = Charts.evenlySpaced(64, 64);
        List<String> labels = Charts.axisLabels(all, k -> (k + 0.5) / 64);
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), shown(labels));
        assertEquals("0", labels.get(0));
        assertEquals("0.2", labels.get(12), "0.2 sits on the centre 0.1953 (cell 12)");
        assertEquals("1", labels.get(63));
    }

    @Test
    void aHeatMapsAxesCarryRoundTimesAndLabels() {
        HeatMapChart chart = Charts.heatMap("r", "t", "ξ", "r (1/time)", 101, i -> 0.05 * i, 64, k -> (k + 0.5) / 64,
                (c, r) -> c + r, null);
        var series = chart.getSeriesMap().values().iterator().next();
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), shown(series.getXData()));
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), shown(series.getYData()));
        assertEquals(0.0, chart.getStyler().getMin());
    }

    @Test
    void roundStepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(0.2, Charts.roundStep(0.197), 1e-15);
        assertEquals(1.0, Charts.roundStep(0.99), 1e-15);
        assertEquals(2.5, Charts.roundStep(2.2), 1e-15);
        assertEquals(50.0, Charts.roundStep(31), 1e-12);
    }

    @Test
    void theColourBarHasAtLeastFourRoundTicksInsideTheRangeAndTheCellsRamp() {
        HeatMapChart chart = Charts.heatMap("r", "t", "ξ", "r (1/time)", 3, i -> i, 2, k -> k,
                (c, r) -> 0.116 + (1.47 - 0.116) * (c + 2 * r) / 4.0, null);
        assertEquals("r (1/time)", chart.getHeatMapSeries().getName());
        List<Double> ticks = ColourBar.ticks(chart);
        // Range [0.116, 1.47]: a step of 0.5 would give two ticks (0.5, 1); the next round step, 0.2, gives seven.
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4), ticks);
        java.awt.Color[] ramp = chart.getStyler().getRangeColors();
        assertEquals(ramp[0], ColourBar.colour(chart, chart.getStyler().getMin()));
        assertEquals(ramp[ramp.length - 1], ColourBar.colour(chart, chart.getStyler().getMax()));
    }
}
