package meanfield.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import meanfield.app.output.ConvergencePlot;
import meanfield.app.output.RunSummary;
import meanfield.app.problem.Problem;

/**
 * The printed table and the files of a particle-number study: convergence.csv, runs.csv (one row per
 * run), convergence.png and summary.json. Orders follow the other converge studies (error ~ h^order with
 * h = 1/N, positive when the distance falls); exponents are slopes in N (error ~ N^exponent, -1/2 for
 * pure sampling noise).
 */
final class ParticleStudyReport {
    private final ParticleStudy.Outcome outcome;
    private final ParticleStudy.Settings settings;
    /** Exponents between successive levels (NaN where a level has no distance). */
    private final double[] exponents;

    ParticleStudyReport(ParticleStudy.Outcome outcome, ParticleStudy.Settings settings) {
        this.outcome = outcome;
        this.settings = settings;
        List<ParticleStudy.Level> levels = outcome.levels();
        exponents = new double[levels.size()];
        exponents[0] = Double.NaN;
        for (int l = 1; l < levels.size(); l++) {
            ParticleStudy.Level a = levels.get(l - 1);
            ParticleStudy.Level b = levels.get(l);
            exponents[l] = Math.log(b.distance().mean() / a.distance().mean())
                    / Math.log((double) b.particles() / a.particles());
        }
    }

    void print(PrintWriter out) {
        out.printf("%-10s %-6s %-11s %-11s %-11s %-9s %-10s%n", "N", "seeds", "distance", "+- stderr", "bias", "exponent",
                "wall s/run");
        for (int l = 0; l < outcome.levels().size(); l++) {
            ParticleStudy.Level level = outcome.levels().get(l);
            if (level.failure() != null) {
                out.printf(Locale.ROOT, "%-10d %-6d failed: %s%n", level.particles(), settings.seeds(), level.failure());
                continue;
            }
            out.printf(Locale.ROOT, "%-10d %-6d %-11.4e %-11.2e %-11.4e %-9s %-10.2f%n", level.particles(),
                    settings.seeds(), level.distance().mean(), level.distance().stderr(), level.bias(),
                    Double.isFinite(exponents[l]) ? String.format(Locale.ROOT, "%.3f", exponents[l]) : "",
                    level.secondsPerRun());
        }
        out.printf(Locale.ROOT, "fitted exponent (least squares of log distance against log N): %.3f +- %.3f"
                + " (sampling noise alone: -0.5)%n", outcome.exponent(), outcome.exponentStderr());
        out.printf(Locale.ROOT, "distance: %s; continuum solved once in %.2f s (%d steps); bias = distance of the"
                + " seed-averaged observable%n", outcome.description(), outcome.continuumSeconds(),
                outcome.continuumSteps());
    }

    /** convergence.csv and runs.csv as one data file over the dimensions {@code level} and {@code seed}. */
    private meanfield.app.output.DataTable table(Problem problem, double[] n, double[] exponents) {
        List<ParticleStudy.Level> levels = outcome.levels();
        int m = levels.size();
        int seeds = levels.stream().mapToInt(l -> l.distances().length).max().orElse(0);
        double[] level = new double[m];
        double[] error = new double[m];
        double[] stderr = new double[m];
        double[] bias = new double[m];
        double[] seconds = new double[m];
        double[] seed = new double[seeds];
        double[] distances = new double[m * seeds];
        java.util.Arrays.fill(distances, Double.NaN);
        java.util.Arrays.setAll(seed, s -> s + 1);
        for (int l = 0; l < m; l++) {
            ParticleStudy.Level at = levels.get(l);
            level[l] = l;
            error[l] = at.distance().mean();
            stderr[l] = at.distance().stderr();
            bias[l] = at.bias();
            seconds[l] = at.secondsPerRun();
            System.arraycopy(at.distances(), 0, distances, l * seeds, at.distances().length);
        }
        int[] shape = {m};
        return new meanfield.app.output.DataTable().attribute("problem", problem.source().toYaml())
                .attribute("version", Version.current()).attribute("distance", outcome.description())
                .coordinate("level", "1", "level (0 fewest particles)", level, true)
                .coordinate("seed", "1", "seed of the particle run", seed, true)
                .integers("particles", "1", "number of particles N", n, shape, "level")
                .numbers("error", "1", "mean distance over the seeds", error, shape, "level")
                .numbers("error_stderr", "1", "standard error of the mean distance", stderr, shape, "level")
                .numbers("bias", "1", "distance of the seed-averaged observable", bias, shape, "level")
                .numbers("exponent", "1", "exponent in N between this level and the previous one", exponents, shape,
                        "level")
                .numbers("wall_seconds_per_run", "s", "wall time per particle run", seconds, shape, "level")
                .numbers("distance", "1", "distance of each run to the continuum", distances, new int[] {m, seeds},
                        "level", "seed");
    }

    void write(Path dir, Problem problem, long start) {
        List<ParticleStudy.Level> levels = outcome.levels();
        int m = levels.size();
        double[] n = new double[m];
        double[] mean = new double[m];
        double[] bias = new double[m];
        List<Map<String, Object>> table = new ArrayList<>();
        StringBuilder csv = new StringBuilder(
                "level,particles,seeds,error,error_stderr,bias,order,exponent,wall_seconds_per_run,failure\n");
        StringBuilder runs = new StringBuilder("level,particles,seed,distance\n");
        for (int l = 0; l < m; l++) {
            ParticleStudy.Level level = levels.get(l);
            n[l] = level.particles();
            mean[l] = level.distance().mean();
            bias[l] = level.bias();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", level.particles());
            row.put("error", finite(level.distance().mean()));
            row.put("error_stderr", finite(level.distance().stderr()));
            row.put("bias", finite(level.bias()));
            row.put("order", finite(-exponents[l]));
            row.put("exponent", finite(exponents[l]));
            row.put("distances", java.util.Arrays.stream(level.distances()).boxed().toList());
            row.put("wall_seconds_per_run", level.secondsPerRun());
            if (level.failure() != null) {
                row.put("failure", level.failure());
            }
            table.add(row);
            csv.append(l).append(',').append(level.particles()).append(',').append(settings.seeds()).append(',')
                    .append(cell(mean[l])).append(',').append(cell(level.distance().stderr())).append(',')
                    .append(cell(bias[l])).append(',').append(cell(-exponents[l])).append(',')
                    .append(cell(exponents[l])).append(',').append(level.secondsPerRun()).append(',')
                    .append(level.failure() == null ? "" : '"' + level.failure().replace("\"", "'") + '"').append('\n');
            for (int s = 0; s < level.distances().length; s++) {
                runs.append(l).append(',').append(level.particles()).append(',').append(s + 1).append(',')
                        .append(level.distances()[s]).append('\n');
            }
        }
        Path plot = ConvergencePlot.particles(dir.resolve("convergence.png"), n, mean, bias);
        try {
            Files.writeString(dir.resolve("convergence.csv"), csv);
            Files.writeString(dir.resolve("runs.csv"), runs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study's tables in " + dir, e);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("refine", ParticleStudyOptions.KEY);
        summary.put("factor", settings.factor());
        summary.put("reference", "continuum");
        summary.put("distance", outcome.description());
        summary.put("particles", java.util.Arrays.stream(n).mapToLong(x -> (long) x).boxed().toList());
        summary.put("seeds", settings.seeds());
        summary.put("levels", table);
        summary.put("observed_order", finite(-outcome.exponent()));
        summary.put("observed_order_stderr", finite(outcome.exponentStderr()));
        summary.put("fitted_exponent", finite(outcome.exponent()));
        summary.put("fitted_exponent_stderr", finite(outcome.exponentStderr()));
        Map<String, Object> continuum = new LinkedHashMap<>();
        continuum.put("wall_seconds", outcome.continuumSeconds());
        continuum.put("steps", outcome.continuumSteps());
        summary.put("continuum", continuum);
        summary.put("threads", settings.threads());
        Path data = table(problem, n, exponents).write(problem.output().format(), dir, "convergence");
        summary.put("files", List.of("convergence.csv", "runs.csv", data.getFileName().toString(),
                plot.getFileName().toString(), "summary.json"));
        RunSummary.write(dir.resolve("summary.json"), "converge", problem.source().name(), problem.model().name(), start,
                problem.source().tree(), summary);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String cell(double x) {
        return Double.isFinite(x) ? String.valueOf(x) : "";
    }
}
