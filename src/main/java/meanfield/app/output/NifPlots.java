package meanfield.app.output;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

import meanfield.solvers.nif.NifSolution;

/**
 * The PNG plots of a NIF solution (PROBLEMS.md "Outputs": plots sit next to the data), with
 * the symbols of MODEL.md 1.2: the rate r(t, ξ) as a heat map, the population rate (the label
 * average of r) over time, and f(T, v, ξ) at the last output time for a few labels.
 */
public final class NifPlots {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;
    /** Label curves in the final-density plot: enough to show the ξ-dependence, few enough to read. */
    private static final int DENSITY_CURVES = 5;
    /*
     * The heat map shows at most this many time columns and label rows, taken evenly from the
     * grid (the HDF5 file keeps everything): XChart draws each cell as its own rectangle, and
     * at one or two pixels per cell anti-aliasing seams stripe the picture (200 x 128 also
     * takes about 2 s to draw).
     */
    private static final int MAX_COLUMNS = 100;
    private static final int MAX_ROWS = 64;
    /** Heat-map axes are categories with one tick label each: label only about this many. */
    private static final int AXIS_LABELS = 10;

    private NifPlots() {
    }

    /** Writes the plots into {@code dir} and returns the files written. */
    public static List<Path> write(Path dir, NifSolution s) {
        if (s.outputCount() == 0) {
            throw new IllegalArgumentException("the solution has no output times to plot in " + dir);
        }
        List<Path> files = new ArrayList<>();
        files.add(save(rateHeatMap(s), dir.resolve("rate_heatmap.png")));
        files.add(save(populationRate(s), dir.resolve("population_rate.png")));
        files.add(save(finalDensity(s), dir.resolve("density_final.png")));
        return files;
    }

    private static HeatMapChart rateHeatMap(NifSolution s) {
        int[] columns = evenlySpaced(s.outputCount(), MAX_COLUMNS);
        int[] rows = evenlySpaced(s.labelGrid().cells(), MAX_ROWS);
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns.length; c++) {
            double[] r = s.rate(columns[c]);
            for (int k = 0; k < rows.length; k++) {
                double value = r[rows[k]];
                cells.add(new Number[] {c, k, value});
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Firing rate r(t, ξ)").xAxisTitle("t").yAxisTitle("ξ").build();
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setRangeColors(new Color[] {new Color(48, 18, 59), new Color(40, 150, 200),
                new Color(250, 230, 60), new Color(180, 20, 10)});
        // The colour bar prints its ends unformatted, so they are rounded outwards here; a
        // constant rate (e.g. nu = lambda) still needs a non-empty range.
        double low = round(min, RoundingMode.FLOOR);
        double high = round(max, RoundingMode.CEILING);
        chart.getStyler().setMin(low);
        chart.getStyler().setMax(high > low ? high : low + 1);
        chart.addSeries("r(t, ξ)", axisLabels(columns, s::time), axisLabels(rows, s.labelGrid()::center), cells);
        return chart;
    }

    /** A category label per index: about {@link #AXIS_LABELS} values, the rest a space (XChart rejects ""). */
    private static List<String> axisLabels(int[] indices, IntToDoubleFunction value) {
        int stride = (indices.length + AXIS_LABELS - 1) / AXIS_LABELS;
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < indices.length; j++) {
            labels.add(j % stride == 0 ? format(value.applyAsDouble(indices[j])) : " ");
        }
        return labels;
    }

    private static XYChart populationRate(NifSolution s) {
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
        XYChart chart = lineChart("Population rate ∫ r(t, ξ) dξ", "t", "r̄(t)");
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("population rate", s.times(), mean).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static XYChart finalDensity(NifSolution s) {
        int last = s.outputCount() - 1;
        int nv = s.vGrid().cells();
        double[] v = s.vGrid().centers();
        double[] f = s.density(last);
        XYChart chart = lineChart("Density f(T, v, ξ) at T = " + format(s.time(last)), "v", "f(T, v, ξ)");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        for (int l : evenlySpaced(s.labelGrid().cells(), DENSITY_CURVES)) {
            double[] column = new double[nv];
            System.arraycopy(f, l * nv, column, 0, nv);
            chart.addSeries("ξ = " + format(s.labelGrid().center(l)), v, column).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        // XChart puts the x ticks on equally spaced data points (grid centres): keep their labels short.
        chart.getStyler().setxAxisTickLabelsFormattingFunction(NifPlots::format);
        return chart;
    }

    /** min(n, count) indices spread evenly over 0..n-1, first and last included. */
    static int[] evenlySpaced(int n, int count) {
        int m = Math.min(n, count);
        int[] indices = new int[m];
        for (int j = 0; j < m; j++) {
            indices[j] = m == 1 ? 0 : (int) Math.round(j * (n - 1.0) / (m - 1));
        }
        return indices;
    }

    /** Three significant digits without trailing zeros: tick and legend labels. */
    private static String format(double x) {
        return BigDecimal.valueOf(round(x, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    private static double round(double x, RoundingMode mode) {
        return new BigDecimal(x).round(new MathContext(3, mode)).doubleValue();
    }

    private static Path save(Chart<?, ?> chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
