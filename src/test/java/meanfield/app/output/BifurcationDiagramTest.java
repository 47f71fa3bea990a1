package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import meanfield.solvers.nif.NifContinuation;
import meanfield.solvers.nif.NifStability;
import meanfield.solvers.nif.NifStationary;

/** The bifurcation diagram through XChart's model: runs of equal stability, connected, styled, and the folds. */
class BifurcationDiagramTest {

    private static NifContinuation.Point point(double value, double rate, boolean stable) {
        NifStationary.State state = new NifStationary.State(new double[] {0}, new double[] {rate}, new double[] {0},
                new double[] {1}, 0, 1, 0);
        NifStability.Spectrum spectrum = new NifStability.Spectrum(new double[] {stable ? -1 : 1}, new double[] {0},
                stable);
        return new NifContinuation.Point(value, state, spectrum);
    }

    @Test
    void stableRunsAreSolidUnstableDashedConnectedAndFoldsMarkedOnALogRateAxis() {
        NifContinuation.Branch branch = new NifContinuation.Branch(List.of(point(0, 0.01, true), point(2, 0.02, true),
                point(4, 0.03, true), point(3, 0.5, false), point(1.5, 5.0, false)),
                List.of(new NifContinuation.Fold(4.1, 0.025)), List.of(), "test");
        XYChart chart = StationaryFiles.bifurcationDiagram("parameters.J0", branch);
        List<XYSeries> series = List.copyOf(chart.getSeriesMap().values());
        assertEquals(List.of("stable", "unstable", "fold"), series.stream().map(XYSeries::getName).toList());
        XYSeries stable = series.get(0);
        XYSeries unstable = series.get(1);
        // The stable run ends on the first unstable point, so the curve has no gap at the change.
        assertEquals(List.of(0.0, 2.0, 4.0, 3.0), box(stable.getXData()));
        assertEquals(List.of(3.0, 1.5), box(unstable.getXData()));
        assertTrue(unstable.getLineStyle().getDashArray() != null, "unstable is dashed");
        assertFalse(stable.getLineColor().equals(unstable.getLineColor()));
        assertEquals(4.1, series.get(2).getXData()[0]);
        assertTrue(chart.getStyler().isYAxisLogarithmic(), "rates from 0.01 to 5 span more than two decades");
        assertEquals("parameters.J0", chart.getXAxisTitle());
    }

    private static List<Double> box(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
