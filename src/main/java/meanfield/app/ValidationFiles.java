package meanfield.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import meanfield.app.output.DataTable;
import meanfield.app.output.ValidationPlots;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.TopoProblem;

/**
 * validation.h5 (validation.zarr with {@code output.format: zarr}) and the plots of {@code validate}.
 * In the data file: the coordinates {@code particles} (N) and {@code seed}; per distance D,
 * {@code D_mean}, {@code D_stderr}, {@code D_bias} [particles] and {@code D_per_seed} [particles, seed]
 * (NaN for a seed that failed); per N and distance, {@code N<n>_D_continuum} [N<n>_D_point] and
 * {@code N<n>_D_particles} [N<n>_run, N<n>_D_point], the observables on the same bins (the flat layouts
 * of the distances' classes). HDF5 files also hold the same numbers in the groups of earlier versions
 * (D/mean, ..., N<n>/D/continuum, N<n>/D/particles); groups are written only when they hold a dataset
 * (jHDF cannot write an empty one).
 */
final class ValidationFiles {
    private static final int LABEL_BINS_PLOTTED = 3;

    private ValidationFiles() {
    }

    static List<Path> write(Path dir, Problem problem, ValidationStudy.Outcome outcome) {
        List<Path> files = new ArrayList<>();
        files.add(data(dir, problem, outcome));
        files.add(errorPlot(dir.resolve("validation.png"), outcome));
        ValidationStudy.Level largest = null;
        for (ValidationStudy.Level l : outcome.levels()) {
            largest = l.distances().isEmpty() ? largest : l;
        }
        if (largest != null) {
            if (problem.model() instanceof NifProblem nif) {
                files.addAll(nifPlots(dir, nif, problem, largest));
            } else {
                files.addAll(torusPlots(dir, problem, largest));
            }
        }
        return files;
    }

    private static Path data(Path dir, Problem problem, ValidationStudy.Outcome outcome) {
        List<ValidationStudy.Level> levels = outcome.levels();
        int seeds = 0;
        for (ValidationStudy.Level l : levels) {
            for (ValidationStudy.Statistic s : l.distances()) {
                seeds = Math.max(seeds, s.perSeed().length);
            }
        }
        seeds = Math.max(1, seeds);
        DataTable table = new DataTable().attribute("problem", problem.source().toYaml())
                .attribute("version", Version.current());
        int n = levels.size();
        table.coordinate("particles", "1", "number of particles N", levels.stream()
                .mapToDouble(ValidationStudy.Level::particles).toArray(), true);
        double[] seedNumbers = new double[seeds];
        Arrays.setAll(seedNumbers, s -> s + 1);
        table.coordinate("seed", "1", "seed of the particle run", seedNumbers, true);
        Map<String, double[][]> statistics = new LinkedHashMap<>();
        for (int l = 0; l < n; l++) {
            for (ValidationStudy.Statistic s : levels.get(l).distances()) {
                double[][] t = statistics.computeIfAbsent(s.name(), k -> nanTable(n, 3));
                t[l][0] = s.mean().mean();
                t[l][1] = s.mean().stderr();
                t[l][2] = s.bias();
            }
        }
        for (Map.Entry<String, double[][]> e : statistics.entrySet()) {
            String d = e.getKey();
            double[][] perSeed = nanTable(n, seeds);
            for (int l = 0; l < n; l++) {
                ValidationStudy.Statistic s = levels.get(l).get(d);
                if (s != null) {
                    System.arraycopy(s.perSeed(), 0, perSeed[l], 0, s.perSeed().length);
                }
            }
            double[] flatPerSeed = Arrays.stream(perSeed).flatMapToDouble(Arrays::stream).toArray();
            table.numbers(d + "_mean", "1", d + ": mean distance over the seeds", column(e.getValue(), 0),
                    new int[] {n}, "particles");
            table.numbers(d + "_stderr", "1", d + ": standard error of the mean distance", column(e.getValue(), 1),
                    new int[] {n}, "particles");
            table.numbers(d + "_bias", "1", d + ": distance of the seed-averaged observable", column(e.getValue(), 2),
                    new int[] {n}, "particles");
            table.numbers(d + "_per_seed", "1", d + ": distance per seed (NaN: the seed failed)", flatPerSeed,
                    new int[] {n, seeds}, "particles", "seed");
            table.grouped(d + "/mean", column(e.getValue(), 0), n);
            table.grouped(d + "/stderr", column(e.getValue(), 1), n);
            table.grouped(d + "/bias", column(e.getValue(), 2), n);
            table.grouped(d + "/per_seed", flatPerSeed, n, seeds);
        }
        for (ValidationStudy.Level level : levels) {
            String at = "N" + level.particles();
            for (ValidationStudy.Statistic s : level.distances()) {
                String point = at + "_" + s.name() + "_point";
                int runs = s.particles().length;
                double[] flat = Arrays.stream(s.particles()).flatMapToDouble(Arrays::stream).toArray();
                int row = runs == 0 ? s.continuum().length : s.particles()[0].length;
                // Some observables differ in layout between the continuum and the runs (sorted samples, say).
                String runPoint = row == s.continuum().length ? point : at + "_" + s.name() + "_particles_point";
                table.numbers(at + "_" + s.name() + "_continuum", "1", s.name() + " at N = " + level.particles()
                        + ": the continuum's observable (the distance's flat layout)", s.continuum(),
                        new int[] {s.continuum().length}, point);
                table.numbers(at + "_" + s.name() + "_particles", "1", s.name() + " at N = " + level.particles()
                        + ": each run's observable", flat, new int[] {runs, row}, at + "_run", runPoint);
                table.grouped(at + "/" + s.name() + "/continuum", s.continuum(), s.continuum().length);
                table.grouped(at + "/" + s.name() + "/particles", flat, runs, row);
            }
        }
        return table.write(problem.output().format(), dir, "validation");
    }

    private static double[][] nanTable(int rows, int columns) {
        double[][] t = new double[rows][columns];
        for (double[] row : t) {
            Arrays.fill(row, Double.NaN);
        }
        return t;
    }

    private static double[] column(double[][] t, int c) {
        return Arrays.stream(t).mapToDouble(row -> row[c]).toArray();
    }

    /** Mean distances against N, each fitted line, and N^-1/2 through the primary distance at the largest N. */
    private static Path errorPlot(Path file, ValidationStudy.Outcome outcome) {
        List<ValidationStudy.Level> levels = outcome.levels();
        double[] n = levels.stream().mapToDouble(ValidationStudy.Level::particles).toArray();
        Map<String, double[]> means = new LinkedHashMap<>();
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> fit : outcome.fits().entrySet()) {
            String name = fit.getKey();
            double[] mean = new double[n.length];
            double logC = 0;
            int count = 0;
            for (int l = 0; l < n.length; l++) {
                ValidationStudy.Statistic s = levels.get(l).get(name);
                mean[l] = s == null ? Double.NaN : s.mean().mean();
                if (mean[l] > 0) {
                    logC += Math.log(mean[l]) - fit.getValue()[0] * Math.log(n[l]);
                    count++;
                }
            }
            means.put(name, mean);
            if (count > 0 && Double.isFinite(fit.getValue()[0])) {
                double c = Math.exp(logC / count);
                double p = fit.getValue()[0];
                lines.put(String.format(java.util.Locale.ROOT, "%s fit N^%.2f", name, p),
                        Arrays.stream(n).map(x -> c * Math.pow(x, p)).toArray());
            }
        }
        double[] primary = means.get(outcome.primary());
        double[] reference = null;
        if (primary != null && primary[n.length - 1] > 0) {
            double last = primary[n.length - 1];
            reference = Arrays.stream(n).map(x -> last * Math.sqrt(n[n.length - 1] / x)).toArray();
        }
        return ValidationPlots.errors(file, n, means, lines, reference);
    }

    /** r(t, label bin) against every seed's rates, and f(T, v, bin) against the potentials' histogram, at the largest N. */
    private static List<Path> nifPlots(Path dir, NifProblem nif, Problem problem, ValidationStudy.Level level) {
        List<Path> files = new ArrayList<>();
        ValidationStudy.Statistic rate = level.get("error_rate");
        int bins = Math.min(problem.particles().bins(), level.particles());
        if (rate != null) {
            int windows = rate.continuum().length / bins;
            double[] centres = new double[windows];
            double[] edges = meanfield.validation.nif.NifSimulator.windowEdges(nif.time().end(), problem.particles().dt(),
                    nif.time().outputEvery());
            for (int w = 0; w < windows; w++) {
                centres[w] = 0.5 * (edges[w] + edges[w + 1]);
            }
            Map<String, double[]> continuum = new LinkedHashMap<>();
            Map<String, double[]> particles = new LinkedHashMap<>();
            for (int b : plottedBins(bins)) {
                continuum.put("continuum, bin " + b, strided(rate.continuum(), b, bins));
                for (int s = 0; s < rate.particles().length; s++) {
                    particles.put("seed " + (s + 1) + ", bin " + b, strided(rate.particles()[s], b, bins));
                }
            }
            files.add(ValidationPlots.overlay(dir.resolve("rates.png"), "Firing rate per label bin, N = "
                    + level.particles(), "t", "rate", centres, continuum, particles));
        }
        ValidationStudy.Statistic density = level.distances().stream()
                .filter(s -> s.name().startsWith("error_density")).reduce((a, b) -> b).orElse(null);
        if (density != null) {
            int vBins = problem.particles().vBins();
            int row = vBins + 2;
            double width = (nif.v().max() - nif.v().min()) / vBins;
            double[] centres = new double[vBins];
            for (int j = 0; j < vBins; j++) {
                centres[j] = nif.v().min() + (j + 0.5) * width;
            }
            double[] mean = meanfield.validation.study.SeedMean.average(density.particles());
            Map<String, double[]> continuum = new LinkedHashMap<>();
            Map<String, double[]> particles = new LinkedHashMap<>();
            for (int b : plottedBins(bins)) {
                continuum.put("continuum f, bin " + b, perWidth(density.continuum(), b * row + 1, vBins, width));
                particles.put("particles (seed mean), bin " + b, perWidth(mean, b * row + 1, vBins, width));
            }
            files.add(ValidationPlots.overlay(dir.resolve("density_v.png"), "Density in v per label bin at the last"
                    + " compared time, N = " + level.particles(), "v", "density", centres, continuum, particles));
        }
        return files;
    }

    /** rho(T, x) (the first axis's marginal) against the particles' histogram, and for topo the velocity marginal. */
    private static List<Path> torusPlots(Path dir, Problem problem, ValidationStudy.Level level) {
        List<Path> files = new ArrayList<>();
        ValidationStudy.Statistic w1 = level.distances().stream().filter(s -> s.name().startsWith("w1_x"))
                .reduce((a, b) -> b).orElse(null);
        if (w1 == null) {
            return files;
        }
        boolean topo = problem.model() instanceof TopoProblem;
        int components = topo ? ((TopoProblem) problem.model()).model().velocityCount() : 1;
        int dimension = topo ? ((TopoProblem) problem.model()).model().dimension()
                : ((meanfield.app.problem.MvProblem) problem.model()).model().dimension();
        int cells = w1.continuum().length / components;
        int bins = (int) Math.round(Math.pow(cells, 1.0 / dimension));
        double[] mean = meanfield.validation.study.SeedMean.average(w1.particles());
        double[] x = new double[bins];
        for (int b = 0; b < bins; b++) {
            x[b] = (b + 0.5) / bins;
        }
        files.add(ValidationPlots.overlay(dir.resolve("rho_x.png"), "rho at the last compared time, N = "
                + level.particles(), "x", "density", x, Map.of("continuum rho", firstAxis(w1.continuum(), bins, components)),
                Map.of("particles (seed mean)", firstAxis(mean, bins, components))));
        if (topo) {
            double[] k = new double[components];
            for (int c = 0; c < components; c++) {
                k[c] = c;
            }
            files.add(ValidationPlots.overlay(dir.resolve("velocity_marginal.png"), "Velocity marginal h_k, N = "
                    + level.particles(), "velocity node k", "mass", k,
                    Map.of("continuum", velocity(w1.continuum(), components)),
                    Map.of("particles (seed mean)", velocity(mean, components))));
        }
        return files;
    }

    private static int[] plottedBins(int bins) {
        int m = Math.min(LABEL_BINS_PLOTTED, bins);
        int[] chosen = new int[m];
        for (int j = 0; j < m; j++) {
            chosen[j] = m == 1 ? 0 : (int) Math.round(j * (bins - 1.0) / (m - 1));
        }
        return chosen;
    }

    private static double[] strided(double[] flat, int offset, int stride) {
        double[] out = new double[flat.length / stride];
        for (int i = 0; i < out.length; i++) {
            out[i] = flat[i * stride + offset];
        }
        return out;
    }

    private static double[] perWidth(double[] flat, int from, int count, double width) {
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            out[j] = flat[from + j] / width;
        }
        return out;
    }

    /** Mass per bin of the first axis over the bin width: the density of the first coordinate. */
    private static double[] firstAxis(double[] masses, int bins, int components) {
        double[] out = new double[bins];
        int stride = masses.length / bins;
        for (int i = 0; i < masses.length; i++) {
            out[i / stride] += masses[i] * bins;
        }
        return out;
    }

    private static double[] velocity(double[] masses, int components) {
        double[] out = new double[components];
        for (int i = 0; i < masses.length; i++) {
            out[i % components] += masses[i];
        }
        return out;
    }
}
