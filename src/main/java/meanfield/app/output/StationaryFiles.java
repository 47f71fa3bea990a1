package meanfield.app.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import meanfield.app.problem.Problem;
import meanfield.solvers.nif.NifContinuation;
import meanfield.solvers.nif.StationaryColumns;
import meanfield.solvers.nif.NifStability;
import meanfield.solvers.nif.NifStationary;

/**
 * stationary.h5 (or stationary.zarr with output.format zarr) and the plots of {@code stationary}. In it: {@code v} (nodes or cell centres), {@code xi}
 * (label centres), {@code rate} (xi), {@code input} (J, xi), {@code density} (xi x v) of the state
 * (the last one reached for a branch), its leading {@code eigenvalues_re}, {@code eigenvalues_im};
 * for a branch also {@code branch_value}, {@code branch_rate} (mean rate), {@code branch_rates}
 * (points x xi), {@code branch_stable} (1 or 0), {@code branch_leading_re}, {@code branch_leading_im},
 * {@code fold_value}, {@code fold_rate}; root attributes {@code residual}, {@code iterations} (text),
 * {@code continue}, {@code end}.
 */
public final class StationaryFiles {
    private static final int DENSITY_CURVES = 5;

    private StationaryFiles() {
    }

    /** A single state: stationary.h5, rate against xi, densities of a few labels. */
    public static List<Path> writeState(Path dir, Problem problem, StationaryColumns system, NifStationary.State state,
            NifStability.Spectrum spectrum) {
        List<Path> files = new ArrayList<>();
        files.add(state(problem, system, state, spectrum).write(problem.output().format(), dir, "stationary"));
        files.addAll(statePlots(dir, system, state));
        return files;
    }

    /** A branch: stationary.h5 with the branch, the bifurcation diagram, and the plots of its last state. */
    public static List<Path> writeBranch(Path dir, Problem problem, StationaryColumns last, String key,
            NifContinuation.Branch branch) {
        List<Path> files = new ArrayList<>();
        List<NifContinuation.Point> points = branch.points();
        NifContinuation.Point end = points.get(points.size() - 1);
        int count = points.size();
        double[] value = new double[count];
        double[] rate = new double[count];
        double[] stable = new double[count];
        double[] re = new double[count];
        double[] im = new double[count];
        double[][] rates = new double[count][];
        for (int i = 0; i < count; i++) {
            NifContinuation.Point p = points.get(i);
            value[i] = p.value();
            rate[i] = p.state().meanRate();
            stable[i] = p.spectrum().stable() ? 1 : 0;
            re[i] = p.spectrum().leadingReal();
            im[i] = p.spectrum().im().length > 0 ? p.spectrum().im()[0] : Double.NaN;
            rates[i] = p.state().rates();
        }
        int[] shape = {count};
        DataTable table = state(problem, last, end.state(), end.spectrum()).attribute("continue", key)
                .attribute("end", branch.end())
                .numbers("branch_value", "1", "the continued parameter " + key, value, shape, "point")
                .numbers("branch_rate", "1/time", "mean firing rate over labels", rate, shape, "point")
                .numbers("branch_rates", "1/time", "firing rate r(xi) per label", flat(rates), new int[] {count,
                    rates[0].length}, "point", "xi")
                .integers("branch_stable", "1", "1 if the state is linearly stable, else 0", stable, shape, "point")
                .numbers("branch_leading_re", "1/time", "real part of the rightmost eigenvalue", re, shape, "point")
                .numbers("branch_leading_im", "1/time", "imaginary part of the rightmost eigenvalue", im, shape,
                        "point");
        if (!branch.folds().isEmpty()) {
            int[] folds = {branch.folds().size()};
            table.numbers("fold_value", "1", "the parameter at a fold", branch.folds().stream()
                    .mapToDouble(NifContinuation.Fold::value).toArray(), folds, "fold")
                    .numbers("fold_rate", "1/time", "mean firing rate at a fold", branch.folds().stream()
                            .mapToDouble(NifContinuation.Fold::meanRate).toArray(), folds, "fold");
        }
        Path h5 = table.write(problem.output().format(), dir, "stationary");
        files.add(h5);
        files.add(Charts.save(bifurcationDiagram(key, branch), dir.resolve("bifurcation.png")));
        files.addAll(statePlots(dir, last, end.state()));
        return files;
    }

    private static DataTable state(Problem problem, StationaryColumns system, NifStationary.State state,
            NifStability.Spectrum spectrum) {
        double[] v = system.vPoints();
        int labels = system.labelGrid().cells();
        DataTable table = new DataTable().attribute("problem", problem.source().toYaml())
                .attribute("version", meanfield.app.Version.current())
                .attribute("residual", Double.toString(state.residual()))
                .attribute("iterations", Integer.toString(state.iterations()))
                .coordinate("v", "1", "membrane potential (nodes or cell centres)", v, false)
                .coordinate("xi", "1", "neuron label", system.labelGrid().centers(), false)
                .numbers("rate", "1/time", "stationary firing rate r(xi)", state.rates(), new int[] {labels}, "xi")
                .numbers("input", "1", "stationary synaptic input J(xi)", state.input(), new int[] {labels}, "xi")
                .numbers("density", "1", "stationary density f(xi, v)", state.density(), new int[] {labels, v.length},
                        "xi", "v");
        if (spectrum != null && spectrum.re().length > 0) {
            int[] shape = {spectrum.re().length};
            table.numbers("eigenvalues_re", "1/time", "real parts of the leading eigenvalues, rightmost first",
                    spectrum.re(), shape, "eigenvalue")
                    .numbers("eigenvalues_im", "1/time", "imaginary parts of the leading eigenvalues", spectrum.im(),
                            shape, "eigenvalue");
        }
        return table;
    }

    private static double[] flat(double[][] rows) {
        double[] out = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }

    private static List<Path> statePlots(Path dir, StationaryColumns system, NifStationary.State state) {
        List<Path> files = new ArrayList<>();
        XYChart rate = Charts.lineChart("Stationary firing rate r(ξ)", "ξ", "r(ξ)");
        rate.getStyler().setLegendVisible(false);
        rate.addSeries("rate", system.labelGrid().centers(), state.rates()).setMarker(SeriesMarkers.CIRCLE);
        files.add(Charts.save(rate, dir.resolve("stationary_rate.png")));
        double[] v = system.vPoints();
        int n = v.length;
        XYChart density = Charts.lineChart("Stationary density f(v, ξ)", "v", "f(v, ξ)");
        for (int l : Charts.evenlySpaced(system.labelGrid().cells(), DENSITY_CURVES)) {
            double[] column = new double[n];
            System.arraycopy(state.density(), l * n, column, 0, n);
            density.addSeries("ξ = " + Charts.format(system.labelGrid().center(l)), v, column)
                    .setMarker(SeriesMarkers.NONE);
        }
        files.add(Charts.save(density, dir.resolve("stationary_density.png")));
        return files;
    }

    /**
     * Mean rate against the parameter: stable stretches solid, unstable dashed, folds marked. The
     * branch is cut into runs of equal stability, each run drawn with the point that follows it so
     * that the curve stays connected.
     */
    static XYChart bifurcationDiagram(String key, NifContinuation.Branch branch) {
        XYChart chart = Charts.lineChart("Stationary states along " + key, key, "mean rate r̄");
        List<NifContinuation.Point> points = branch.points();
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f},
                0f);
        Color color = new Color(31, 119, 180);
        Color unstableColor = new Color(255, 127, 14);
        double low = points.stream().mapToDouble(p -> p.state().meanRate()).min().orElse(1);
        double high = points.stream().mapToDouble(p -> p.state().meanRate()).max().orElse(1);
        // Rates on a branch span decades (a quiet state and a blowing-up one): a log axis shows both.
        chart.getStyler().setYAxisLogarithmic(low > 0 && high > 100 * low);
        int start = 0;
        int run = 0;
        boolean stableShown = false;
        boolean unstableShown = false;
        while (start < points.size()) {
            boolean stable = points.get(start).spectrum().stable();
            int end = start;
            while (end + 1 < points.size() && points.get(end + 1).spectrum().stable() == stable) {
                end++;
            }
            int last = Math.min(end + 1, points.size() - 1);
            double[] x = new double[last - start + 1];
            double[] y = new double[x.length];
            for (int i = start; i <= last; i++) {
                x[i - start] = points.get(i).value();
                y[i - start] = points.get(i).state().meanRate();
            }
            boolean first = stable ? !stableShown : !unstableShown;
            XYSeries series = chart.addSeries((stable ? "stable" : "unstable") + (first ? "" : " " + run), x, y);
            // Dashes alone vanish where the points crowd (each segment restarts the pattern): a second colour too.
            series.setMarker(SeriesMarkers.NONE).setLineColor(stable ? color : unstableColor);
            if (!stable) {
                series.setLineStyle(dashed);
            }
            series.setShowInLegend(first);
            stableShown |= stable;
            unstableShown |= !stable;
            run++;
            if (end == points.size() - 1) {
                break;
            }
            start = end + 1;
        }
        if (!branch.folds().isEmpty()) {
            double[] fx = branch.folds().stream().mapToDouble(NifContinuation.Fold::value).toArray();
            double[] fy = branch.folds().stream().mapToDouble(NifContinuation.Fold::meanRate).toArray();
            XYSeries folds = chart.addSeries("fold", fx, fy);
            folds.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            folds.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(new Color(214, 39, 40));
        }
        return chart;
    }
}
