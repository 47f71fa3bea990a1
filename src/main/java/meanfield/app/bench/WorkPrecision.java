package meanfield.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.knowm.xchart.XYChart;

import meanfield.app.output.WorkPrecisionPlot;

/**
 * A work-precision diagram of a bench run, drawn from one whole-run benchmark's figures: each case
 * "SERIES: POINT" with a "wall" and an "error" figure is a point, drawn as error against wall time
 * (the benchmark's other figures, such as its reference check, are not points).
 *
 * @param benchmark the whole run whose figures hold the points
 * @param file the PNG's name in the bench folder
 * @param title the diagram's title
 * @param subject what the diagram compares, for the bench report's note
 */
record WorkPrecision(String benchmark, String file, String title, String subject) {
    /** P1 (NIF). */
    static final WorkPrecision P1 = new WorkPrecision("NifWorkPrecision", "work-precision-p1.png",
            "P1 NIF: finite volumes (MPRK22) and spectral elements (ARK4 IMEX)", "P1, finite volumes and spectral elements");
    /** P2 (TOPO 1D). */
    static final WorkPrecision P2 = new WorkPrecision("TopoWorkPrecision", "work-precision-p2.png",
            "P2 TOPO 1D: finite volumes (SSP-RK2) and Fourier spectral (Lawson RK4)",
            "P2, finite volumes and Fourier spectral");
    /** Every diagram a bench run draws, in the order of its notes. */
    static final List<WorkPrecision> ALL = List.of(P1, P2);

    /** The diagram if the figures hold this benchmark's points. */
    Optional<XYChart> chart(List<Figure> figures) {
        Map<String, double[]> points = new LinkedHashMap<>();
        String errorUnit = "error";
        for (Figure f : figures) {
            boolean wall = f.metric().equals("wall");
            boolean error = f.metric().equals("error");
            if (!f.benchmark().equals(benchmark) || !(wall || error)) {
                continue;
            }
            double[] point = points.computeIfAbsent(f.label(), k -> new double[] {Double.NaN, Double.NaN});
            if (wall) {
                point[0] = f.value();
            } else {
                point[1] = f.value();
                errorUnit = f.unit();
            }
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> p : points.entrySet()) {
            String name = p.getKey().substring(0, Math.max(0, p.getKey().lastIndexOf(": ")));
            series.computeIfAbsent(name, k -> new ArrayList<>()).add(p.getValue());
        }
        Map<String, double[][]> arrays = new LinkedHashMap<>();
        series.forEach((name, list) -> arrays.put(name, list.toArray(double[][]::new)));
        return Optional.of(WorkPrecisionPlot.chart(title, errorUnit, arrays));
    }

    /** Writes the diagram into {@code dir} if the figures hold this benchmark's points; returns its file. */
    Optional<Path> write(List<Figure> figures, Path dir) {
        return chart(figures).map(chart -> WorkPrecisionPlot.save(chart, dir.resolve(file)));
    }
}
