package meanfield.app.output;

import static meanfield.app.output.Charts.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

import meanfield.solvers.nif.NifSolution;

/**
 * The PNG plots of a NIF solution (PROBLEMS.md "Outputs": plots sit next to the data), with
 * the symbols of MODEL.md 1.2: the rate r(t, ξ) as a heat map, the population rate (the label
 * average of r) over time, and f(T, v, ξ) at the last output time for a few labels.
 */
public final class NifPlots {
    public static final int WIDTH = Charts.WIDTH;
    public static final int HEIGHT = Charts.HEIGHT;
    /** The population rate's axis title, shared with the particles' plot of the same quantity. */
    static final String POPULATION_RATE = "r̄ (1/time)";
    /** Label curves in the final-density plot: enough to show the ξ-dependence, few enough to read. */
    private static final int DENSITY_CURVES = 5;

    private NifPlots() {
    }

    /** Writes the plots into {@code dir} and returns the files written. */
    public static List<Path> write(Path dir, NifSolution s, ColourRanges colours) {
        if (s.outputCount() == 0) {
            throw new IllegalArgumentException("the solution has no output times to plot in " + dir);
        }
        List<Path> files = new ArrayList<>();
        files.add(Charts.save(rateHeatMap(s, colours.of("rate")), dir.resolve("rate_heatmap.png")));
        files.add(Charts.save(populationRate(s), dir.resolve("population_rate.png")));
        files.add(Charts.save(finalDensity(s), dir.resolve("density_final.png")));
        return files;
    }

    static HeatMapChart rateHeatMap(NifSolution s, ColourRanges.Range fixed) {
        return Charts.heatMap("Firing rate r(t, ξ)", "t", "ξ", "r (1/time)", s.outputCount(), s::time, s.labelGrid().cells(),
                s.labelGrid()::center, (c, r) -> s.rate(c)[r], fixed);
    }

    static XYChart populationRate(NifSolution s) {
        int nt = s.outputCount();
        double[] mean = new double[nt];
        for (int i = 0; i < nt; i++) {
            // Uniform label cells: the integral over ξ in [0, 1] is the plain average.
            double sum = 0;
            for (double r : s.rate(i)) {
                sum += r;
            }
            mean[i] = sum / s.labelGrid().cells();
        }
        XYChart chart = Charts.lineChart("Population rate ∫ r(t, ξ) dξ", "t", POPULATION_RATE);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("population rate", s.times(), mean).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    static XYChart finalDensity(NifSolution s) {
        int last = s.outputCount() - 1;
        // The layout's v axis: cell centres of the finite volumes, or the nodes of the spectral elements.
        double[] v = s.vPoints();
        int nv = v.length;
        double[] f = s.density(last);
        XYChart chart = Charts.lineChart("Density f(T, v, ξ) at T = " + format(s.time(last)), "v", "f(T, v, ξ)");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        for (int l : Charts.evenlySpaced(s.labelGrid().cells(), DENSITY_CURVES)) {
            double[] column = new double[nv];
            System.arraycopy(f, l * nv, column, 0, nv);
            chart.addSeries("ξ = " + format(s.labelGrid().center(l)), v, column).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }
}
