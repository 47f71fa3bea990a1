package meanfield.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import meanfield.app.output.RunSummary;
import meanfield.app.output.StationaryFiles;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.nif.NifContinuation;
import meanfield.solvers.nif.NifStability;
import meanfield.solvers.nif.NifStationary;
import meanfield.solvers.parallel.ColumnPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meanfield stationary PROBLEM [--continue KEY --from A --to B [--steps K]]}: the NIF
 * limit's stationary state by Newton's method on the spectral discretization (or the finite
 * volumes' with an explicit {@code solver: finite-volume}), its leading eigenvalues and stability;
 * with {@code --continue}, the branch of such states along a numeric key by pseudo-arclength
 * continuation, with its folds and changes of stability.
 */
@Command(name = "stationary", mixinStandardHelpOptions = true,
        description = "Stationary states of a NIF problem, their stability, and branches of them along a parameter.")
final class StationaryCommand implements Callable<Integer> {
    /** Newton's iterations for a single state. */
    private static final int ITERATIONS = 50;

    @Mixin
    CommonOptions options;

    @Option(names = "--continue", paramLabel = "KEY", description = "Follow the branch of stationary states along this"
            + " numeric key (e.g. parameters.J0 or nif.sigma) from --from to --to.")
    String key;

    @Option(names = "--from", paramLabel = "A", description = "The continuation's start value.")
    Double from;

    @Option(names = "--to", paramLabel = "B", description = "The continuation's end value.")
    Double to;

    @Option(names = "--steps", paramLabel = "K", description = "The nominal number of continuation steps from A to B"
            + " (the step adapts; around a fold the branch takes more; default 40).")
    int steps = 40;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Problem problem = options.readProblem();
        if (!(problem.model() instanceof NifProblem)) {
            throw new ProblemException("model", "stationary states are computed for model nif only, not "
                    + problem.model().name());
        }
        checkContinuation(problem);
        int threads = options.threadCount();
        PrintWriter out = spec.commandLine().getOut();
        OutputDirectory dir = options.output(problem.source().name(), "stationary");
        try (ColumnPool pool = new ColumnPool(threads)) {
            StationaryFamily family = new StationaryFamily(problem, key, options, pool);
            // Model errors (a formula that is not finite on the grid) surface here, before the directory exists.
            NifStationary first = family.apply(key == null ? Double.NaN : from);
            Path path = dir.create();
            return key == null ? single(problem, first, path, start, out)
                    : branch(problem, family, path, start, out);
        } catch (InvalidModelException e) {
            dir.discardIfNew();
            throw new ProblemException(((NifProblem) problem.model()).keyOf(e.part()), e.getMessage());
        }
    }

    private void checkContinuation(Problem problem) {
        if (key == null) {
            if (from != null || to != null) {
                throw new ProblemException(from != null ? "--from" : "--to", "needs --continue KEY");
            }
            return;
        }
        if (from == null || to == null) {
            throw new ProblemException(from == null ? "--from" : "--to", "missing: --continue needs --from and --to");
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new ProblemException(!Double.isFinite(from) ? "--from" : "--to", "must be a finite number");
        }
        if (from.doubleValue() == to.doubleValue()) {
            throw new ProblemException("--to", "equals --from (" + from + "): a continuation needs two distinct ends");
        }
        if (steps < 2) {
            throw new ProblemException("--steps", "must be at least 2, got " + steps);
        }
        Object value = problem.source().valueAt(key);
        if (value == null) {
            throw new ProblemException("--continue", key + " is not a key of the problem");
        }
        problem.requireUsed(key, "--continue");
        if (!(value instanceof Number)) {
            throw new ProblemException("--continue", key + " is not numeric (it is " + value + ")");
        }
    }

    private int single(Problem problem, NifStationary stationary, Path dir, long start, PrintWriter out) {
        NifStationary.State state;
        boolean converged = true;
        String failure = null;
        try {
            state = stationary.solve(null, NifContinuation.TOLERANCE, ITERATIONS);
        } catch (NifStationary.NotConverged e) {
            state = e.last();
            converged = false;
            failure = e.getMessage();
        }
        NifStability.Spectrum spectrum = converged ? NifStability.of(stationary, state) : null;
        List<Path> files = new ArrayList<>(StationaryFiles.writeState(dir, problem, stationary.system(), state, spectrum));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("solver", StationaryFamily.finiteVolume(options) ? "finite-volume" : "spectral");
        results.put("converged", converged);
        results.put("mean_rate", state.meanRate());
        results.put("residual", state.residual());
        results.put("iterations", state.iterations());
        results.put("min_density", state.minDensity());
        if (spectrum != null) {
            results.put("stable", spectrum.stable());
            results.put("leading_eigenvalue", complexMap(spectrum));
            results.put("eigenvalues", eigenvalues(spectrum));
        }
        if (failure != null) {
            results.put("failure", failure);
        }
        files.add(dir.resolve("summary.json"));
        results.put("files", names(files));
        RunSummary.write(dir.resolve("summary.json"), "stationary", problem.source().name(), "nif", start,
                problem.source().tree(), results);
        if (!converged) {
            spec.commandLine().getErr().println("error: " + failure + "; the last iterate is in " + dir);
            return Main.NUMERICAL_FAILURE;
        }
        out.printf(Locale.ROOT, "stationary mean rate %.10g (residual %.2e after %d Newton iterations); %s, leading"
                + " eigenvalue %s; outputs in %s%n", state.meanRate(), state.residual(), state.iterations(),
                spectrum.stable() ? "stable" : "unstable", complex(spectrum, 0), dir);
        return 0;
    }

    private int branch(Problem problem, StationaryFamily family, Path dir, long start, PrintWriter out) {
        NifContinuation.Branch branch;
        try (Progress progress = new Progress("stationary " + problem.source().name(), from, to, options.quiet, key)) {
            branch = new NifContinuation(family, from, to, steps).trace(fraction -> progress.accept(fraction));
        } catch (NifStationary.NotConverged e) {
            NifStationary first = family.apply(from);
            StationaryFiles.writeState(dir, problem, first.system(), e.last(), null);
            throw new ProblemException("--from", "no stationary state found at " + key + " = " + from + ": "
                    + e.getMessage() + "; the last iterate is in " + dir);
        }
        List<Path> files = new ArrayList<>(StationaryFiles.writeBranch(dir, problem, family.apply(
                branch.points().get(branch.points().size() - 1).value()).system(), key, branch));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("solver", StationaryFamily.finiteVolume(options) ? "finite-volume" : "spectral");
        results.put("continue", key);
        results.put("from", from);
        results.put("to", to);
        NifContinuation.Point last = branch.points().get(branch.points().size() - 1);
        results.put("mean_rate", last.state().meanRate());
        List<Map<String, Object>> points = new ArrayList<>();
        for (NifContinuation.Point p : branch.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", p.value());
            m.put("mean_rate", p.state().meanRate());
            m.put("stable", p.spectrum().stable());
            m.put("leading_eigenvalue", complexMap(p.spectrum()));
            points.add(m);
        }
        results.put("branch", points);
        List<Map<String, Object>> folds = new ArrayList<>();
        for (NifContinuation.Fold f : branch.folds()) {
            folds.add(Map.of("value", f.value(), "mean_rate", f.meanRate()));
        }
        results.put("folds", folds);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (NifContinuation.StabilityChange c : branch.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", c.value());
            m.put("mean_rate", c.meanRate());
            m.put("becomes", c.toStable() ? "stable" : "unstable");
            m.put("oscillatory", c.oscillatory());
            changes.add(m);
        }
        results.put("stability_changes", changes);
        results.put("end", branch.end());
        files.add(dir.resolve("summary.json"));
        results.put("files", names(files));
        RunSummary.write(dir.resolve("summary.json"), "stationary", problem.source().name(), "nif", start,
                problem.source().tree(), results);
        out.printf(Locale.ROOT, "branch of %d stationary states along %s: %d fold(s)%s; %s; outputs in %s%n",
                branch.points().size(), key, branch.folds().size(), foldList(branch), branch.end(), dir);
        return 0;
    }

    private static String foldList(NifContinuation.Branch branch) {
        StringBuilder s = new StringBuilder();
        for (NifContinuation.Fold f : branch.folds()) {
            s.append(String.format(Locale.ROOT, " at %.8g (mean rate %.6g)", f.value(), f.meanRate()));
        }
        return s.toString();
    }

    private static List<String> names(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(f.getFileName().toString());
        }
        return names;
    }

    private static List<Map<String, Double>> eigenvalues(NifStability.Spectrum s) {
        List<Map<String, Double>> list = new ArrayList<>();
        for (int i = 0; i < s.re().length; i++) {
            list.add(Map.of("re", s.re()[i], "im", s.im()[i]));
        }
        return list;
    }

    private static Map<String, Double> complexMap(NifStability.Spectrum s) {
        return s.re().length == 0 ? Map.of() : Map.of("re", s.re()[0], "im", s.im()[0]);
    }

    private static String complex(NifStability.Spectrum s, int i) {
        if (s.re().length <= i) {
            return "(none converged)";
        }
        double im = s.im()[i];
        return im == 0 ? String.format(Locale.ROOT, "%.6g", s.re()[i])
                : String.format(Locale.ROOT, "%.6g %s %.6gi", s.re()[i], im < 0 ? "-" : "+", Math.abs(im));
    }
}
