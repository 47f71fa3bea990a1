package meanfield.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import meanfield.app.output.WorkPrecisionPlot;

/**
 * The work-precision diagrams are drawn from their benchmark's wall and error figures, and only from
 * them: P1's from NifWorkPrecision, P2's from TopoWorkPrecision, each into its own file.
 */
class WorkPrecisionTest {
    private static final String NIF_ERROR = "max over labels of |r - r_ref| at T";
    private static final String TOPO_ERROR = "max over v nodes and 32 cells of the cell-average error of f_k(T)";

    private static Figure figure(String benchmark, String label, String metric, double value, String unit) {
        return new Figure(benchmark, label, metric, value, unit, null, null, null, null);
    }

    /** A point: its wall and error figures. */
    private static List<Figure> point(String benchmark, String label, double wall, double error, String errorUnit) {
        return List.of(figure(benchmark, label, "wall", wall, "s"), figure(benchmark, label, "error", error, errorUnit));
    }

    /** Both benchmarks' points in one bench run, with P2's reference check and another benchmark's figure. */
    private static List<Figure> benchRun() {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(point("NifWorkPrecision", "v grid: 50 v cells", 0.1, 1e-2, NIF_ERROR));
        figures.addAll(point("NifWorkPrecision", "v grid: 100 v cells", 0.2, 2.5e-3, NIF_ERROR));
        figures.addAll(point("NifWorkPrecision", "tolerance: 1e-3", 0.3, 1e-3, NIF_ERROR));
        figures.add(figure("NifWholeRun", "P1 finite volumes", "wall", 1.0, "s"));
        figures.add(figure("TopoWorkPrecision", "reference check", "spectral 128 nodes against 256", 2e-13, TOPO_ERROR));
        figures.addAll(point("TopoWorkPrecision", "finite volumes: x grid: 32 cells", 0.05, 2.2e-3, TOPO_ERROR));
        figures.addAll(point("TopoWorkPrecision", "finite volumes: x grid: 64 cells", 0.1, 7.4e-4, TOPO_ERROR));
        figures.addAll(point("TopoWorkPrecision", "spectral: nodes: 16 nodes", 0.14, 1.4e-5, TOPO_ERROR));
        figures.addAll(point("TopoWorkPrecision", "spectral: nodes: 32 nodes", 0.37, 6.1e-11, TOPO_ERROR));
        figures.addAll(point("TopoWorkPrecision", "spectral: P2 as shipped: 256 nodes, tolerance 1e-11", 3.7, 2.6e-11,
                TOPO_ERROR));
        return figures;
    }

    private static void assertSeries(XYChart chart, String name, double[] wall, double[] error) {
        XYSeries series = chart.getSeriesMap().get(name);
        assertArrayEquals(wall, series.getXData(), 0.0, name);
        assertArrayEquals(error, series.getYData(), 0.0, name);
    }

    @Test
    void p1IsErrorAgainstWallTimeOnLogAxesWithOneSeriesPerRefinedParameter() {
        XYChart chart = WorkPrecision.P1.chart(benchRun()).orElseThrow();
        assertEquals(List.of("v grid", "tolerance"), List.copyOf(chart.getSeriesMap().keySet()));
        assertSeries(chart, "v grid", new double[] {0.1, 0.2}, new double[] {1e-2, 2.5e-3});
        assertSeries(chart, "tolerance", new double[] {0.3}, new double[] {1e-3});
        assertEquals(WorkPrecisionPlot.WALL_TITLE, chart.getXAxisTitle());
        assertEquals(NIF_ERROR, chart.getYAxisTitle());
        assertTrue(chart.getTitle().startsWith("P1 NIF"), chart.getTitle());
        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic(), "log-log");
    }

    @Test
    void p2HoldsTheTopoPointsOnlyAndNotItsReferenceCheck() {
        XYChart chart = WorkPrecision.P2.chart(benchRun()).orElseThrow();
        assertEquals(List.of("finite volumes: x grid", "spectral: nodes", "spectral: P2 as shipped"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertSeries(chart, "finite volumes: x grid", new double[] {0.05, 0.1}, new double[] {2.2e-3, 7.4e-4});
        assertSeries(chart, "spectral: nodes", new double[] {0.14, 0.37}, new double[] {1.4e-5, 6.1e-11});
        assertSeries(chart, "spectral: P2 as shipped", new double[] {3.7}, new double[] {2.6e-11});
        assertEquals(WorkPrecisionPlot.WALL_TITLE, chart.getXAxisTitle());
        assertEquals(TOPO_ERROR, chart.getYAxisTitle());
        assertTrue(chart.getTitle().startsWith("P2 TOPO"), chart.getTitle());
        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic(), "log-log");
    }

    @Test
    void eachDiagramIsWrittenAsAPngUnderItsOwnName(@TempDir Path dir) throws IOException {
        for (WorkPrecision diagram : WorkPrecision.ALL) {
            Optional<Path> png = diagram.write(benchRun(), dir);
            assertEquals(Optional.of(dir.resolve(diagram.file())), png);
            byte[] head = Arrays.copyOf(Files.readAllBytes(png.get()), 4);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        }
        assertEquals(List.of("work-precision-p1.png", "work-precision-p2.png"),
                WorkPrecision.ALL.stream().map(WorkPrecision::file).toList());
    }

    @Test
    void writesNothingWithoutThePoints(@TempDir Path dir) throws IOException {
        List<Figure> withoutPoints = List.of(figure("NifWholeRun", "P1", "wall", 1.0, "s"),
                figure("TopoWorkPrecision", "reference check", "spectral 128 nodes against 256", 2e-13, TOPO_ERROR));
        for (WorkPrecision diagram : WorkPrecision.ALL) {
            assertEquals(Optional.empty(), diagram.write(withoutPoints, dir));
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.findAny().isEmpty());
        }
    }
}
