package meanfield.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;

import io.jhdf.HdfFile;
import meanfield.app.output.HeatMapPlot;

/** sweep --collect (arrays stacked over tasks into sweep.h5) and the heat map of a sweep over two numeric keys. */
class SweepCollectTest {
    private static final String[] NIF = {"--set", "grid.v.cells=40", "--set", "grid.xi.cells=4", "--set", "time.end=0.1",
        "--set", "time.output_every=0.05"};

    @TempDir
    Path tmp;

    @Test
    void collectStacksEachTasksFinalRateAndIsPartOfTheDefinition() throws IOException {
        Path dir = tmp.resolve("collect");
        String[] head = {"nif-ring", "--command", "solve", "--vary", "nif.sigma=0.05,0.1", "--out", dir.toString(),
            "--threads", "2"};
        SweepCommandTest.Result r = SweepCommandTest.sweep(SweepCommandTest.concat(head, new String[] {"--collect",
            "rate"}, NIF));
        assertEquals(0, r.status(), r.err());
        double[][] collected;
        try (HdfFile h5 = new HdfFile(dir.resolve("sweep.h5"))) {
            collected = (double[][]) h5.getDatasetByPath("collected_rate").getData();
            assertEquals("1/time", h5.getDatasetByPath("collected_rate").getAttribute("units").getData());
        }
        assertEquals(2, collected.length);
        assertEquals(4, collected[0].length);
        List<String> names = List.of("nif.sigma=0.05", "nif.sigma=0.1");
        for (int t = 0; t < 2; t++) {
            try (HdfFile task = new HdfFile(dir.resolve("tasks").resolve(names.get(t)).resolve("run/solution.h5"))) {
                double[][] rate = (double[][]) task.getDatasetByPath("rate").getData();
                double[] times = (double[]) task.getDatasetByPath("t").getData();
                assertEquals(0.1, times[times.length - 1], 1e-12);
                assertArrayEquals(rate[rate.length - 1], collected[t], 0.0, "task " + names.get(t));
            }
        }
        // The two tasks differ (sigma changes the rate), so the rows are not one row twice.
        assertFalse(java.util.Arrays.equals(collected[0], collected[1]));

        // Another list is another sweep.
        SweepCommandTest.Result other = SweepCommandTest.sweep(SweepCommandTest.concat(head, new String[] {"--collect",
            "rate,density"}, NIF));
        assertEquals(2, other.status());
        assertTrue(other.err().contains("--collect is rate there, not rate,density"), other.err());
        SweepCommandTest.Result none = SweepCommandTest.sweep(SweepCommandTest.concat(head, NIF));
        assertEquals(2, none.status());
        assertTrue(none.err().contains("--collect is rate there, not (none)"), none.err());

        // An array no task has: the merge names --collect and exits 2, writing nothing.
        Path unknown = tmp.resolve("unknown");
        SweepCommandTest.Result bad = SweepCommandTest.sweep(SweepCommandTest.concat(new String[] {"nif-ring", "--command",
            "solve", "--vary", "nif.sigma=0.05", "--out", unknown.toString(), "--collect", "no_such_array"}, NIF));
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--collect") && bad.err().contains("no_such_array"), bad.err());
        assertFalse(Files.exists(unknown.resolve("sweep.csv")));
        assertEquals(2, SweepCommandTest.sweep("merge", unknown.toString()).status());
    }

    @Test
    void aFinishedTaskWithoutTheArrayAndAFailedTaskGiveNanRows() throws IOException {
        Path dir = tmp.resolve("nan");
        SweepCommandTest.Result r = SweepCommandTest.sweep(SweepCommandTest.concat(new String[] {"nif-ring", "--command",
            "solve", "--vary", "nif.sigma=0.05,0.1", "--out", dir.toString(), "--threads", "2", "--collect", "rate"}, NIF));
        assertEquals(0, r.status(), r.err());
        Files.delete(dir.resolve("tasks/nif.sigma=0.1/done"));
        assertEquals(0, SweepCommandTest.sweep("merge", dir.toString(), "--partial").status());
        try (HdfFile h5 = new HdfFile(dir.resolve("sweep.h5"))) {
            double[][] collected = (double[][]) h5.getDatasetByPath("collected_rate").getData();
            assertTrue(Double.isFinite(collected[0][0]));
            for (double v : collected[1]) {
                assertTrue(Double.isNaN(v));
            }
        }
    }

    @Test
    void twoNumericKeysGiveAHeatMapWithTheValuesOnItsAxesAndTheResultInColour() throws IOException {
        Dimension j0 = new Dimension("parameters.J0", List.of("2", "0", "1"));
        Dimension sigma = new Dimension("nif.sigma", List.of("0.05", "0.1"));
        SweepDefinition definition = new SweepDefinition("nif-ring", "", "solve", List.of(j0, sigma), List.of(),
                List.of(), List.of());
        List<SweepTable.Row> rows = new ArrayList<>();
        for (SweepTask t : definition.tasks()) {
            double x = Double.parseDouble(t.values().get("parameters.J0"));
            double y = Double.parseDouble(t.values().get("nif.sigma"));
            boolean missing = x == 1 && y == 0.1;
            Map<String, Double> results = new LinkedHashMap<>();
            if (!missing) {
                results.put("mean_rate", 10 * x + 100 * y);
            }
            rows.add(new SweepTable.Row(t, new ArrayList<>(t.values().values()),
                    missing ? TaskStatus.FAILED : TaskStatus.DONE, 1.0, results));
        }
        SweepTable table = new SweepTable(List.of("parameters.J0", "nif.sigma"), List.of(true, true), rows,
                List.of("mean_rate"));
        HeatMapChart chart = SweepFiles.heatMap(definition, table);
        assertNotNull(chart);
        assertEquals(List.of("0", "1", "2"), chart.getHeatMapSeries().getXData());
        assertEquals(List.of("0.05", "0.1"), chart.getHeatMapSeries().getYData());
        assertEquals("mean_rate", chart.getHeatMapSeries().getName());
        assertEquals("parameters.J0", chart.getXAxisTitle());
        assertEquals("nif.sigma", chart.getYAxisTitle());
        // z from 5 (J0 0, sigma 0.05) to 30 (J0 2, sigma 0.1); the cell of the failed task is left out.
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Number[] cell : chart.getHeatMapSeries().getHeatData()) {
            double expected = 10 * cell[0].intValue() + 100 * (cell[1].intValue() == 0 ? 0.05 : 0.1);
            assertEquals(expected, cell[2].doubleValue(), 1e-12);
            min = Math.min(min, cell[2].doubleValue());
            max = Math.max(max, cell[2].doubleValue());
        }
        assertEquals(5, chart.getHeatMapSeries().getHeatData().size());
        assertEquals(5, min, 1e-12);
        assertEquals(30, max, 1e-12);
        assertEquals(5, chart.getStyler().getMin(), 1e-12);
        assertEquals(30, chart.getStyler().getMax(), 1e-12);

        Path png = HeatMapPlot.write(tmp.resolve("h.png"), chart);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > chart.getWidth());

        // One key, or a text key: no heat map.
        SweepDefinition one = new SweepDefinition("nif-ring", "", "solve", List.of(j0), List.of(), List.of(), List.of());
        assertNull(SweepFiles.heatMap(one, table));
        SweepDefinition text = new SweepDefinition("nif-ring", "", "solve", List.of(j0,
                new Dimension("nif.kind", List.of("a", "b"))), List.of(), List.of(), List.of());
        assertNull(SweepFiles.heatMap(text, table));
    }

    @Test
    void theSlurmElementsLineCarriesCollectSoTheElementsRunTheStoredSweep() throws IOException {
        Path dir = tmp.resolve("slurm");
        SweepCommandTest.Result r = SweepCommandTest.sweep(SweepCommandTest.concat(new String[] {"nif-ring", "--command",
            "solve", "--vary", "nif.sigma=0.05,0.1", "--out", dir.toString(), "--engine", "slurm", "--dry-run",
            "--collect", "rate,density"}, NIF));
        assertEquals(0, r.status(), r.err());
        String script = Files.readString(dir.resolve("sweep.sbatch"));
        assertTrue(script.contains("--collect rate,density"), script);
        // What an element runs: the stored definition's command line with its shard, accepted as the same sweep.
        List<String> element = new ArrayList<>(SlurmScript.arguments(SweepDefinition.read(dir), dir));
        element.remove(0);
        element.addAll(element.indexOf("--threads") + 2, List.of("--shard", "1/2"));
        SweepCommandTest.Result run = SweepCommandTest.sweep(element.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void aSweepOverTwoKeysWritesTheHeatMap() {
        Path dir = tmp.resolve("two");
        SweepCommandTest.Result r = SweepCommandTest.sweep(SweepCommandTest.concat(new String[] {"nif-ring", "--command",
            "solve", "--vary", "nif.sigma=0.05,0.1", "--vary", "time.end=0.05,0.1", "--out", dir.toString(),
            "--threads", "2"}, NIF));
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("sweep_heatmap.png")));
        assertTrue(r.out().contains("sweep_heatmap.png"), r.out());
    }
}
