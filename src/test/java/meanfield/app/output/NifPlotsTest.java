package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import meanfield.solvers.nif.NifSolution;

class NifPlotsTest {
    private static NifSolution solution;

    @TempDir
    Path dir;

    @BeforeAll
    static void solve() {
        solution = TinyNifProblem.solve();
    }

    @Test
    void writesTheThreeNamedPngsIntoTheDirectory() {
        List<Path> files = NifPlots.write(dir, solution, ColourRanges.AUTOMATIC);
        assertEquals(List.of(dir.resolve("rate_heatmap.png"), dir.resolve("population_rate.png"),
                dir.resolve("density_final.png")), files);
        files.forEach(f -> assertTrue(Files.isRegularFile(f), f + " missing"));
    }

    @Test
    void eachPlotIsAReadableImageOfTheChartSizeWithMoreThanOneColour() throws IOException {
        for (Path file : NifPlots.write(dir, solution, ColourRanges.AUTOMATIC)) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " is not a readable image");
            assertEquals(NifPlots.WIDTH, image.getWidth(), file.toString());
            assertEquals(NifPlots.HEIGHT, image.getHeight(), file.toString());
            assertTrue(hasTwoColours(image), file + " is a single colour");
        }
    }

    @Test
    void theRateHeatMapTakesAFixedColourRangeWithTheParticlePlotsTitles() {
        HeatMapChart chart = NifPlots.rateHeatMap(solution, new ColourRanges.Range(0, 5));
        assertEquals(0.0, chart.getStyler().getMin());
        assertEquals(5.0, chart.getStyler().getMax());
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            assertTrue(cell[2].doubleValue() >= 0 && cell[2].doubleValue() <= 5, Arrays.toString(cell));
        }
        assertEquals("t", chart.getXAxisTitle());
        assertEquals("ξ", chart.getYAxisTitle());
        assertEquals("r (1/time)", chart.getHeatMapSeries().getName());
    }

    @Test
    void thePopulationRateIsTheLabelMeanOfTheRateAtEveryOutputTime() {
        XYChart chart = NifPlots.populationRate(solution);
        XYSeries series = chart.getSeriesMap().values().iterator().next();
        assertEquals(solution.outputCount(), series.getXData().length);
        for (int i = 0; i < solution.outputCount(); i++) {
            assertEquals(solution.time(i), series.getXData()[i], 0.0);
            assertEquals(Arrays.stream(solution.rate(i)).average().orElseThrow(), series.getYData()[i], 1e-14);
        }
        assertEquals(NifPlots.POPULATION_RATE, chart.getYAxisTitle());
    }

    @Test
    void theFinalDensityShowsFiveLabelsOverTheVGridAtTheLastTime() {
        XYChart chart = NifPlots.finalDensity(solution);
        int last = solution.outputCount() - 1;
        double[] v = solution.vPoints();
        assertEquals(Math.min(5, solution.labelGrid().cells()), chart.getSeriesMap().size());
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        assertEquals("ξ = " + Charts.format(solution.labelGrid().center(0)), first.getName());
        assertEquals(v.length, first.getXData().length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], first.getXData()[i], 0.0);
            assertEquals(solution.density(last)[i], first.getYData()[i], 0.0);
        }
        assertEquals("v", chart.getXAxisTitle());
        assertTrue(chart.getTitle().endsWith("T = " + Charts.format(solution.time(last))), chart.getTitle());
    }

    private static boolean hasTwoColours(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != first) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void evenlySpacedIndicesKeepBothEndsAndNeverExceedTheGrid() {
        assertEquals(List.of(0, 1, 2), box(Charts.evenlySpaced(3, 5)));
        assertEquals(List.of(0, 50, 99), box(Charts.evenlySpaced(100, 3)));
        assertEquals(List.of(0), box(Charts.evenlySpaced(1, 5)));
    }

    private static List<Integer> box(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
