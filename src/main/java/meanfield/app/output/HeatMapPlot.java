package meanfield.app.output;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;

/**
 * A heat map of a result over two parameters' values (category axes, labelled with the values as
 * given), saved as PNG: a sweep over two numeric keys. Missing results (NaN) are grey cells. XChart's
 * colour bar has no title: the PNG gets a strip on the right with the series' name (the result)
 * written upwards beside the bar.
 */
public final class HeatMapPlot {
    /** Width of the strip that holds the colour bar's label. */
    private static final int LABEL_STRIP = 36;

    private HeatMapPlot() {
    }

    /** The chart: {@code z[i][j]} at the i-th x label and the j-th y label; the colour bar is labelled {@code zTitle}. */
    public static HeatMapChart chart(String title, String xTitle, String yTitle, String zTitle, List<String> xLabels,
            List<String> yLabels, double[][] z) {
        return Charts.categoryHeatMap(title, xTitle, yTitle, zTitle, xLabels, yLabels, z);
    }

    /** Writes the chart with its colour bar's label (the series' name) to {@code file}, as PNG. */
    public static Path write(Path file, HeatMapChart chart) {
        BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
        BufferedImage image = new BufferedImage(plot.getWidth() + LABEL_STRIP, plot.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(chart.getStyler().getChartBackgroundColor());
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(plot, 0, 0, null);
            String label = chart.getHeatMapSeries().getName();
            Font font = chart.getStyler().getAxisTitleFont();
            g.setFont(font);
            g.setColor(Color.BLACK);
            FontMetrics metrics = g.getFontMetrics();
            // Upwards, centred on the plot's height, in the middle of the strip.
            g.translate(plot.getWidth() + (LABEL_STRIP + metrics.getAscent()) / 2 - 2, plot.getHeight() / 2
                    + metrics.stringWidth(label) / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(label, 0, 0);
        } finally {
            g.dispose();
        }
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
