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

/** The chart shapes every model's plots use: heat maps of a field on two axes and line charts. */
public final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    /*
     * A heat map shows at most this many columns and rows, taken evenly from the grid (the
     * HDF5 file keeps everything): XChart draws each cell as its own rectangle, and at one or
     * two pixels per cell anti-aliasing seams stripe the picture (200 x 128 also takes about
     * 2 s to draw).
     */
    private static final int MAX_COLUMNS = 100;
    private static final int MAX_ROWS = 64;

    private Charts() {
    }

    /** A field value at (column, row) of a heat map. */
    @FunctionalInterface
    interface Field {
        double value(int column, int row);
    }

    /**
     * A heat map of a field sampled on columns x rows, with their coordinates as axis labels and a
     * colour bar titled {@code zTitle} (the quantity and its units) drawn by {@link ColourBar} when
     * saved: the chart is {@link ColourBar#STRIP} pixels narrower than the image and has no legend.
     */
    static HeatMapChart heatMap(String title, String xTitle, String yTitle, String zTitle, int columnCount,
            IntToDoubleFunction columnCoordinate, int rowCount, IntToDoubleFunction rowCoordinate, Field field,
            ColourRanges.Range fixed) {
        return heatMap(title, xTitle, yTitle, zTitle, WIDTH - ColourBar.STRIP, HEIGHT, columnCount, columnCoordinate,
                rowCount, rowCoordinate, field, fixed);
    }

    /**
     * As above, the chart (without the bar's strip) width x height: a square field keeps its aspect.
     * With a {@code fixed} range (null: the values' own), the colours span it and a value beyond it
     * takes the colour of the nearer end, as matplotlib's vmin and vmax do.
     */
    static HeatMapChart heatMap(String title, String xTitle, String yTitle, String zTitle, int width, int height,
            int columnCount, IntToDoubleFunction columnCoordinate, int rowCount, IntToDoubleFunction rowCoordinate,
            Field field, ColourRanges.Range fixed) {
        int[] columns = evenlySpaced(columnCount, MAX_COLUMNS);
        int[] rows = evenlySpaced(rowCount, MAX_ROWS);
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns.length; c++) {
            for (int k = 0; k < rows.length; k++) {
                double value = field.value(columns[c], rows[k]);
                cells.add(new Number[] {c, k, fixed == null ? value : fixed.clamp(value)});
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        HeatMapChart chart = fixed == null ? styled(title, xTitle, yTitle, width, height, min, max)
                : styled(title, xTitle, yTitle, width, height, fixed);
        chart.addSeries(zTitle, axisLabels(columns, columnCoordinate), axisLabels(rows, rowCoordinate), cells);
        return chart;
    }

    /**
     * A heat map of values on category axes labelled as given (a sweep's two parameters): {@code z[i][j]}
     * at column i, row j; a NaN cell is left out, so the plot's grey background shows there. The colour
     * bar is labelled {@code zTitle} (the series' name) and spans the finite values, rounded outwards.
     */
    static HeatMapChart categoryHeatMap(String title, String xTitle, String yTitle, String zTitle, List<String> xLabels,
            List<String> yLabels, double[][] z) {
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < xLabels.size(); c++) {
            for (int k = 0; k < yLabels.size(); k++) {
                double value = z[c][k];
                if (Double.isNaN(value)) {
                    continue;
                }
                cells.add(new Number[] {c, k, value});
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (cells.isEmpty()) {
            min = 0;
            max = 1;
        }
        HeatMapChart chart = styled(title, xTitle, yTitle, WIDTH - ColourBar.STRIP, HEIGHT, min, max);
        // A missing cell (NaN) is not drawn: the plot's grey background shows through.
        chart.getStyler().setPlotBackgroundColor(new Color(200, 200, 200));
        chart.addSeries(zTitle, xLabels, yLabels, cells);
        return chart;
    }

    /**
     * A heat map without XChart's legend ({@link ColourBar} draws the bar when saved), without grid
     * lines over the cells, on the suite's colour ramp, its range [min, max] rounded outwards to
     * three digits (a constant field still gets a non-empty range).
     */
    private static HeatMapChart styled(String title, String xTitle, String yTitle, int width, int height, double min,
            double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max))) {
            min = 0;
            max = 1;
        }
        double low = round(min, RoundingMode.FLOOR);
        double high = round(max, RoundingMode.CEILING);
        return styled(title, xTitle, yTitle, width, height, new ColourRanges.Range(low, high > low ? high : low + 1));
    }

    /** As above, with the colours spanning exactly {@code range}. */
    private static HeatMapChart styled(String title, String xTitle, String yTitle, int width, int height,
            ColourRanges.Range range) {
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        // Anti-aliased cell edges at fractional pixels leave light seams, a lattice over the field.
        chart.getStyler().setAntiAlias(false);
        chart.getStyler().setRangeColors(new Color[] {new Color(48, 18, 59), new Color(40, 150, 200),
                new Color(250, 230, 60), new Color(180, 20, 10)});
        chart.getStyler().setMin(range.low());
        chart.getStyler().setMax(range.high());
        return chart;
    }

    /**
     * A category label per index: round numbers (steps of 1, 2, 2.5 or 5 times a power of ten, about
     * six of them) each on the category whose coordinate lies nearest, written as the round number;
     * the rest a space (XChart rejects ""). A category more than half a spacing from every round
     * number stays unlabelled, so a label never names a coordinate it is not at.
     */
    static List<String> axisLabels(int[] indices, IntToDoubleFunction value) {
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < indices.length; j++) {
            labels.add(" ");
        }
        if (indices.length == 0) {
            return labels;
        }
        double first = value.applyAsDouble(indices[0]);
        double last = value.applyAsDouble(indices[indices.length - 1]);
        if (indices.length == 1 || !(last > first)) {
            labels.set(0, format(first));
            return labels;
        }
        double spacing = (last - first) / (indices.length - 1);
        double step = roundStep((last - first) / 5);
        for (double tick = Math.ceil((first - spacing / 2) / step) * step; tick <= last + spacing / 2; tick += step) {
            int nearest = 0;
            for (int j = 1; j < indices.length; j++) {
                if (Math.abs(value.applyAsDouble(indices[j]) - tick) < Math.abs(value.applyAsDouble(indices[nearest]) - tick)) {
                    nearest = j;
                }
            }
            if (Math.abs(value.applyAsDouble(indices[nearest]) - tick) <= spacing / 2 + 1e-12 * step) {
                // -0.0 and 1e-17 print as 0.
                labels.set(nearest, format(Math.abs(tick) < 1e-9 * step ? 0.0 : tick));
            }
        }
        return labels;
    }

    /** The round step (1, 2, 2.5 or 5 times a power of ten) nearest above {@code raw}. */
    static double roundStep(double raw) {
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * decade >= raw * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        // XChart puts the x ticks on equally spaced data points (grid centres): keep their labels short.
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::format);
        return chart;
    }

    /**
     * A line chart on log-log axes. Not {@link #lineChart}: XChart hands its x tick formatter the
     * tick's linear position, so on a log axis the labels were evenly spaced values (50, 100, ..., 400
     * under points at 50, 100, 200, 400); XChart's own log labels are at the right places.
     */
    static XYChart logLogChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        // The refined quantity often spans less than a decade: label within decades too. Errors span
        // several decades, where labels inside each would overlap.
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
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
    static String format(double x) {
        return BigDecimal.valueOf(round(x, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    private static double round(double x, RoundingMode mode) {
        return new BigDecimal(x).round(new MathContext(3, mode)).doubleValue();
    }

    /**
     * Draws a line chart and a heat map with its colour bar and encodes a PNG, so that the plotting
     * classes and fonts are loaded: called beside the numerics ({@code meanfield.app.WarmUp}).
     */
    public static void warmUp() {
        XYChart chart = lineChart("warm-up", "x", "y");
        chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
        BitmapEncoder.getBufferedImage(chart);
        HeatMapChart heat = heatMap("warm-up", "x", "y", "z", 2, i -> i, 2, i -> i, (c, r) -> c + r, null);
        try {
            javax.imageio.ImageIO.write(ColourBar.render(heat, "z"), "png", java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path save(Chart<?, ?> chart, Path file) {
        try {
            if (chart instanceof HeatMapChart heat && !heat.getStyler().isLegendVisible()) {
                if (!javax.imageio.ImageIO.write(ColourBar.render(heat, heat.getHeatMapSeries().getName()), "png",
                        file.toFile())) {
                    throw new IOException("no PNG writer");
                }
                return file;
            }
            if (chart instanceof XYChart xy && xy.getStyler().isXAxisLogarithmic()) {
                // Labels within decades (2, 3, 5, ...) help a span of one or two decades and overlap on a wider one.
                double low = Double.POSITIVE_INFINITY;
                double high = 0;
                for (org.knowm.xchart.XYSeries series : xy.getSeriesMap().values()) {
                    for (double x : series.getXData()) {
                        if (x > 0) {
                            low = Math.min(low, x);
                            high = Math.max(high, x);
                        }
                    }
                }
                xy.getStyler().setXAxisLogarithmicDecadeOnly(high > 30 * low);
            }
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
