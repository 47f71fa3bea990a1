package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import meanfield.validation.nif.NifParticleRun;

class NifParticlePlotsTest {
    /** Two windows [0, 0.1], [0.1, 0.2] by two label bins [0, 0.5], [0.5, 1]. */
    private static NifParticleRun run(double[][] rate) {
        return new NifParticleRun(new double[] {0, 0.1, 0.2}, new double[] {0, 0.5, 1}, rate, new double[] {0.25, 0.75},
                new double[2], new int[2], 200, Optional.empty(), new double[0], new int[0], 0);
    }

    private static List<Double> cellValues(HeatMapChart chart) {
        List<Double> values = new ArrayList<>();
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            values.add(cell[2].doubleValue());
        }
        return values;
    }

    @Test
    void aFixedColourRangeIsTheScaleAndValuesBeyondItTakeTheNearerEnd() {
        HeatMapChart chart = NifParticlePlots.rateHeatMap(run(new double[][] {{0.5, 7}, {2, -1}}),
                new ColourRanges.Range(0, 5));
        assertEquals(0.0, chart.getStyler().getMin());
        assertEquals(5.0, chart.getStyler().getMax());
        assertEquals(List.of(0.5, 5.0, 2.0, 0.0), cellValues(chart));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0), ColourBar.ticks(chart));
    }

    @Test
    void withoutAFixedRangeTheScaleSpansTheValuesAndTheTitlesAreTheContinuums() {
        HeatMapChart chart = NifParticlePlots.rateHeatMap(run(new double[][] {{0.5, 3.25}, {2, 1}}), null);
        assertEquals(0.5, chart.getStyler().getMin());
        assertEquals(3.25, chart.getStyler().getMax());
        assertEquals(List.of(0.5, 3.25, 2.0, 1.0), cellValues(chart));
        assertEquals("t", chart.getXAxisTitle());
        assertEquals("ξ", chart.getYAxisTitle());
        assertEquals("r (1/time)", chart.getHeatMapSeries().getName());
    }

    @Test
    void thePopulationRateIsTheBinMeanAtWindowCentresUnderTheContinuumsAxisTitle() {
        XYChart chart = NifParticlePlots.populationRate(run(new double[][] {{1, 3}, {2, 6}}));
        XYSeries series = chart.getSeriesMap().values().iterator().next();
        assertArrayEquals(new double[] {0.05, 0.15}, series.getXData(), 1e-15);
        assertArrayEquals(new double[] {2, 4}, series.getYData(), 1e-15);
        assertEquals(NifPlots.POPULATION_RATE, chart.getYAxisTitle());
        assertEquals("t", chart.getXAxisTitle());
    }
}
