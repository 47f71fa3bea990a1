package meanfield.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import meanfield.app.output.WorkPrecisionPlot;

/**
 * The work-precision diagram of a bench run, from the figures of {@code NifWorkPrecision}: each
 * case is "SERIES: POINT" with a "wall" and an "error" figure, drawn as error against wall time.
 */
final class WorkPrecision {
    static final String BENCHMARK = "NifWorkPrecision";
    static final String FILE = "work-precision-p1.png";

    private WorkPrecision() {
    }

    /** Writes the diagram into {@code dir} if the figures hold NifWorkPrecision's points; returns its file. */
    static Optional<Path> write(List<Figure> figures, Path dir) {
        Map<String, double[]> points = new LinkedHashMap<>();
        String errorUnit = "error";
        for (Figure f : figures) {
            if (!f.benchmark().equals(BENCHMARK)) {
                continue;
            }
            double[] point = points.computeIfAbsent(f.label(), k -> new double[] {Double.NaN, Double.NaN});
            if (f.metric().equals("wall")) {
                point[0] = f.value();
            } else if (f.metric().equals("error")) {
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
        return Optional.of(WorkPrecisionPlot.write(dir.resolve(FILE), "P1 NIF: finite volumes (MPRK22) and spectral elements (ARK4 IMEX)",
                errorUnit, arrays));
    }
}
