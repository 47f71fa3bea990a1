package meanfield.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import meanfield.app.output.RunSummary;
import meanfield.app.problem.Problem;

/**
 * The printed table of {@code validate} (one row per N and distance: mean +- standard error over
 * seeds, bias, wall time per run), the fitted exponents, the continuum's grid error, and the files:
 * summary.json, validation.h5 and the plots.
 */
final class ValidationReport {
    private final ValidationStudy.Outcome outcome;
    private final ValidationStudy.Settings settings;

    ValidationReport(ValidationStudy.Outcome outcome, ValidationStudy.Settings settings) {
        this.outcome = outcome;
        this.settings = settings;
    }

    void print(PrintWriter out) {
        out.printf("%-9s %-22s %-11s %-10s %-11s %-9s%n", "N", "distance", "mean", "+- stderr", "bias", "wall s/run");
        for (ValidationStudy.Level level : outcome.levels()) {
            for (ValidationStudy.Statistic s : level.distances()) {
                out.printf(Locale.ROOT, "%-9d %-22s %-11.4e %-10.2e %-11.4e %-9.2f%n", level.particles(), s.name(),
                        s.mean().mean(), s.mean().stderr(), s.bias(), level.secondsPerRun());
            }
            for (String failure : level.failures()) {
                out.printf(Locale.ROOT, "%-9d failed: %s%n", level.particles(), failure);
            }
        }
        for (Map.Entry<String, double[]> fit : outcome.fits().entrySet()) {
            out.printf(Locale.ROOT, "fitted exponent of %s (least squares of log mean against log N): %.3f +- %.3f%s%n",
                    fit.getKey(), fit.getValue()[0], fit.getValue()[1],
                    fit.getKey().equals(outcome.primary()) ? " (sampling noise alone: -0.5)" : "");
        }
        for (Map.Entry<String, Double> e : outcome.discretizationError().entrySet()) {
            out.printf(Locale.ROOT, "continuum discretization error in %s (double resolution against this one): %.2e%n",
                    e.getKey(), e.getValue());
        }
        out.println("kernel: " + outcome.kernelDescription() + "; bias = distance of the seed-averaged observable");
    }

    void write(Path dir, Problem problem, long start) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (ValidationStudy.Level level : outcome.levels()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("particles", level.particles());
            for (ValidationStudy.Statistic s : level.distances()) {
                row.put(s.name(), finite(s.mean().mean()));
                row.put(s.name() + "_stderr", finite(s.mean().stderr()));
                row.put(s.name() + "_bias", finite(s.bias()));
                row.put(s.name() + "_per_seed", Arrays.stream(s.perSeed()).boxed().toList());
            }
            row.put("wall_seconds_per_run", level.secondsPerRun());
            if (!level.failures().isEmpty()) {
                row.put("failures", level.failures());
            }
            runs.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("particles", Arrays.stream(settings.particles()).boxed().toList());
        summary.put("seeds", settings.seeds());
        summary.put("kernel", settings.kernel().name().toLowerCase(Locale.ROOT));
        summary.put("kernel_description", outcome.kernelDescription());
        summary.put("times", Arrays.stream(outcome.comparisonTimes()).boxed().toList());
        summary.put("runs", runs);
        double[] primary = outcome.fits().get(outcome.primary());
        summary.put("error", outcome.primary());
        summary.put("fitted_exponent", primary == null ? null : finite(primary[0]));
        summary.put("fitted_exponent_stderr", primary == null ? null : finite(primary[1]));
        Map<String, Object> exponents = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> fit : outcome.fits().entrySet()) {
            exponents.put(fit.getKey(), Arrays.asList(finite(fit.getValue()[0]), finite(fit.getValue()[1])));
        }
        summary.put("fitted_exponents", exponents);
        Map<String, Object> distances = new LinkedHashMap<>();
        for (ValidationStudy.Level level : outcome.levels()) {
            level.distances().forEach(s -> distances.putIfAbsent(s.name(), s.formula()));
        }
        summary.put("distances", distances);
        Map<String, Object> continuum = new LinkedHashMap<>();
        continuum.put("wall_seconds", outcome.continuumSeconds());
        continuum.put("discretization_error", outcome.discretizationError());
        continuum.put("discretization_error_method", "distance between the continuum at double resolution (every grid"
                + " count doubled, time.tolerance / 4 or time.dt / 2, limit kernel) and the one compared, on the bins of"
                + " the largest N");
        summary.put("continuum", continuum);
        summary.put("threads", settings.threads());
        if (problem.model() instanceof meanfield.app.problem.TopoProblem) {
            // The particle method compared: the exact dynamics, or the approximate time-stepped one.
            summary.put("particle_method", problem.particles().method());
            summary.put("approximate", problem.particles().timeStepped());
            if (problem.particles().timeStepped()) {
                summary.put("dt", problem.particles().dt());
            }
        }
        List<Path> files = ValidationFiles.write(dir, problem, outcome);
        List<String> names = new java.util.ArrayList<>(files.stream().map(p -> p.getFileName().toString()).toList());
        names.add("summary.json");
        summary.put("files", names);
        RunSummary.write(dir.resolve("summary.json"), "validate", problem.source().name(), problem.model().name(), start,
                problem.source().tree(), summary);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
