package meanfield.app.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;

/**
 * The colour bar of a field's heat map, drawn here because XChart's prints only its two ends and
 * no title: the same colour ramp as the cells, ticks at round numbers, and the quantity with its
 * units written upwards beside it. The chart is rendered without its own legend, {@link #STRIP}
 * pixels narrower than the image, and the bar fills that strip.
 */
final class ColourBar {
    /** Width of the strip on the right that holds the bar, its tick labels and its title. */
    static final int STRIP = 120;
    private static final int BAR_WIDTH = 18;

    private ColourBar() {
    }

    /** The colour of value v on the chart's ramp (its range colours, evenly spaced from min to max, as XChart maps cells). */
    static Color colour(HeatMapChart chart, double v) {
        Color[] ramp = chart.getStyler().getRangeColors();
        double min = chart.getStyler().getMin();
        double max = chart.getStyler().getMax();
        double f = Math.max(0, Math.min(1, (v - min) / (max - min))) * (ramp.length - 1);
        int i = Math.min(ramp.length - 2, (int) Math.floor(f));
        double w = f - i;
        Color a = ramp[i];
        Color b = ramp[i + 1];
        return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
    }

    /**
     * Round-number ticks within the chart's colour range (steps of 1, 2, 2.5 or 5 times a power of
     * ten), at least four: a finer round step is taken while fewer fit.
     */
    static List<Double> ticks(HeatMapChart chart) {
        double min = chart.getStyler().getMin();
        double max = chart.getStyler().getMax();
        List<Double> ticks = new ArrayList<>();
        for (double divisions = 5; ticks.size() < 4 && divisions < 100; divisions *= 1.5) {
            double step = Charts.roundStep((max - min) / divisions);
            ticks.clear();
            // k times the step in decimal, so that the tick is the round number itself (0.6, not 0.6000000000000001).
            for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + 1e-9 * step; k++) {
                ticks.add(java.math.BigDecimal.valueOf(step).multiply(java.math.BigDecimal.valueOf(k)).doubleValue());
            }
        }
        return ticks;
    }

    /** The chart (built {@link #STRIP} pixels narrower, legend hidden) with the bar beside it. */
    static BufferedImage render(HeatMapChart chart, String title) {
        // Painted here rather than by BitmapEncoder so that text keeps its anti-aliasing while the cells,
        // drawn without it (see Charts.styled), meet without light seams between them.
        BufferedImage plot = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D painter = plot.createGraphics();
        try {
            painter.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.paint(painter, chart.getWidth(), chart.getHeight());
        } finally {
            painter.dispose();
        }
        BufferedImage image = new BufferedImage(plot.getWidth() + STRIP, plot.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(chart.getStyler().getChartBackgroundColor());
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(plot, 0, 0, null);
            int top = 60;
            int bottom = plot.getHeight() - 80;
            int left = plot.getWidth() + 10;
            double min = chart.getStyler().getMin();
            double max = chart.getStyler().getMax();
            for (int y = top; y <= bottom; y++) {
                g.setColor(colour(chart, max - (max - min) * (y - top) / (double) (bottom - top)));
                g.drawLine(left, y, left + BAR_WIDTH, y);
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, top, BAR_WIDTH, bottom - top);
            Font font = chart.getStyler().getAxisTickLabelsFont();
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            for (double t : ticks(chart)) {
                int y = (int) Math.round(top + (max - t) / (max - min) * (bottom - top));
                g.drawLine(left + BAR_WIDTH, y, left + BAR_WIDTH + 4, y);
                g.drawString(Charts.format(t), left + BAR_WIDTH + 7, y + metrics.getAscent() / 2 - 1);
            }
            g.setFont(chart.getStyler().getAxisTitleFont());
            metrics = g.getFontMetrics();
            g.setColor(Color.BLACK);
            g.translate(image.getWidth() - 8, (top + bottom) / 2 + metrics.stringWidth(title) / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(title, 0, 0);
        } finally {
            g.dispose();
        }
        return image;
    }
}
