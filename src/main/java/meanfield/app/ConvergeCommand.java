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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import meanfield.app.output.ConvergencePlot;
import meanfield.app.output.RunSummary;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.ProblemSource;
import meanfield.app.ConvergeLevelFile.Level;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.run.ExactSolution;
import meanfield.solvers.run.RecordedRun;
import meanfield.validation.study.Norm;
import meanfield.validation.study.OrderFit;
import meanfield.validation.study.Restriction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code meanfield converge PROBLEM --refine KEY --levels L}: solves the problem at L values of a
 * numeric key (each level the previous refined by --factor: counts multiplied, keys under time.
 * divided), compares every level with the finest at the coarse level's points (cell averages
 * restricted conservatively, collocation nodes taken where they coincide), and fits observed
 * orders. The levels are independent tasks on a pool of --threads workers.
 */
@Command(name = "converge", mixinStandardHelpOptions = true,
        description = "Convergence-order study: solves at refined values of a key, error table, observed orders, plot.")
final class ConvergeCommand implements Callable<Integer> {
    /** Quantities a study can compare, with the layout variable behind each. */
    private static final Map<String, String> QUANTITIES = Map.of("density", "density", "rho", "rho",
            "velocity_marginal", "velocity_marginal", "rate", "rate");

    @Mixin
    CommonOptions options;

    @Option(names = "--refine", paramLabel = "KEY",
            description = "The numeric problem key to refine, e.g. grid.v.cells, grid.x.cells, time.dt, time.tolerance;"
                    + " or particles: the particle number, against the continuum.")
    String key;

    @Option(names = "--levels", paramLabel = "L", description = "Number of levels, at least 3 against the finest or"
            + " an extrapolation, at least 2 against a manufactured solution (default 4).")
    int levels = 4;

    @Option(names = "--factor", paramLabel = "R", description = "Refinement factor between levels (default 2).")
    double factor = 2;

    @Option(names = "--from", paramLabel = "VALUE", description = "The coarsest level's value (default: the problem's).")
    Double from;

    @Option(names = "--norm", paramLabel = "l1|l2|max", description = "Error norm (default l1).")
    String norm = "l1";

    @Option(names = "--quantity", paramLabel = "Q",
            description = "density (at the end, default), rho, velocity_marginal (at the end), rate (nif, every output).")
    String quantity = "density";

    @Option(names = "--reference", paramLabel = "finest|richardson|manufactured|exact",
            description = "What the errors are measured against: finest (the finest level, default), richardson"
                    + " (extrapolation from the two finest levels at the order the three finest show), manufactured"
                    + " (every level forced to a known smooth solution on the model's own coefficients) or exact"
                    + " (MODEL.md's exact solution, where the problem has one: nif with a constant rate, a drift"
                    + " -a v + I(xi) and a Gaussian f0).")
    String reference = "finest";

    @Mixin
    ParticleStudyOptions particleStudy;

    @Mixin
    StudyEngineOptions engine;

    @Option(names = LEVEL_TASK, description = "One level of a study run as a sweep task: solves the problem as given"
            + " (its --set holds the level's value) and writes level.bin for --merge.")
    boolean levelTask;

    @Option(names = "--merge", description = "PROBLEM is the directory of a 'converge --engine slurm' study whose tasks"
            + " are done: errors, orders, table and plot from the levels' level.bin, into --out (default DIR/study).")
    boolean merge;

    @Spec
    CommandSpec spec;

    /** The option that makes a converge run one level of a study handed to a sweep (TaskEstimate knows it too). */
    static final String LEVEL_TASK = "--level-task";

    /** The levels of a study run as sweep tasks: each task's run directory and the value it set, in level order. */
    record TaskLevels(List<Path> runs, List<String> values) {
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (merge) {
            return ConvergeMerge.run(options, spec, start);
        }
        if (key == null) {
            throw new ProblemException("--refine", "name the key to refine (e.g. grid.v.cells, time.dt, particles)");
        }
        engine.check(false, LEVEL_TASK);
        if (key.equals(ParticleStudyOptions.KEY)) {
            if (engine.slurm() || levelTask) {
                // Its runs share one continuum solve and fit over seeds: not yet cut into sweep tasks.
                throw new ProblemException("--engine", "the particle-number study (--refine particles) runs on the"
                        + " local pool only");
            }
            // Particle runs against one continuum solve: a study of its own (ParticleStudy).
            return particleStudy.execute(options, spec, levels, factor, from, start);
        }
        particleStudy.refuseOutside(key);
        engine.check(levelTask, LEVEL_TASK);
        Problem base = options.readProblem();
        if (levelTask) {
            return runOneLevel(base, start);
        }
        return study(base, start, null);
    }

    /**
     * The study: its levels solved here, handed to Slurm as sweep tasks (--engine slurm), or read
     * from the tasks' level.bin ({@code tasks} not null: --merge); errors, orders and files follow
     * from the levels alone, so that a merged study equals a local one.
     */
    int study(Problem base, long start, TaskLevels tasks) {
        boolean slurm = engine.slurm();
        OutputDirectory out = slurm ? null : options.output(base.source().name(), "converge");
        checkOptions(true);
        checkQuantity(base);
        boolean decreasing = key.startsWith("time.");
        double first = from != null ? from : current(base);
        boolean integer = !decreasing && !key.startsWith("parameters.");
        double[] values = new double[levels];
        double[] h = new double[levels];
        for (int i = 0; i < levels; i++) {
            double v = decreasing ? first / Math.pow(factor, i) : first * Math.pow(factor, i);
            values[i] = integer ? Math.rint(v) : v;
            h[i] = decreasing ? values[i] : 1 / values[i];
        }
        double every = base.time().outputEvery();
        if (key.equals("time.dt") && values[1] > every * (1 + 1e-12)) {
            // The driver splits each output interval into equal steps no longer than dt: such levels would be equal.
            throw new ProblemException("--from", "time.dt = " + format(values[0]) + " and " + format(values[1])
                    + " exceed time.output_every = " + format(every) + ", and no step is longer than an output interval:"
                    + " start at most at " + format(every) + " or set a longer time.output_every");
        }
        List<Problem> problems = new ArrayList<>();
        for (double v : values) {
            problems.add(levelProblem(levelText(v, integer)));
        }
        if (slurm) {
            return submit(base, values, integer);
        }
        int threads = tasks == null ? options.threadCount() : 1;
        Level[] results;
        if (tasks == null) {
            checkMemory(problems, values, threads);
            results = runLevels(problems, threads);
        } else {
            results = load(problems, values, tasks);
        }
        Level finest = results[levels - 1];
        if (finest.failure() != null && !knownSolution()) {
            spec.commandLine().getErr().println("numerical failure at the finest level (" + key + " = "
                    + format(values[levels - 1]) + "): " + finest.failure() + "; no reference, no errors");
            return Main.NUMERICAL_FAILURE;
        }
        Norm chosen = Norm.valueOf(norm.toUpperCase(Locale.ROOT));
        double[] errors;
        Map<String, Object> extrapolation = new LinkedHashMap<>();
        if (reference.equals("richardson")) {
            errors = richardsonErrors(results, chosen, extrapolation);
        } else if (knownSolution()) {
            errors = new double[levels];
            for (int i = 0; i < levels; i++) {
                errors[i] = results[i].failure() != null ? Double.NaN : results[i].error();
            }
            extrapolation.put("solution", results[levels - 1].description());
        } else {
            errors = new double[levels - 1];
            for (int i = 0; i < levels - 1; i++) {
                errors[i] = results[i].failure() != null ? Double.NaN : error(results[i].result(), finest.result(), chosen);
            }
        }
        double[] orders = OrderFit.successive(h, errors);
        int fitFrom = Math.max(0, errors.length - 3);
        double[] fit = validCount(errors, fitFrom) >= 2 ? OrderFit.leastSquares(h, errors, fitFrom, errors.length)
                : new double[] {Double.NaN, Double.NaN, Double.NaN};
        Path dir = out.create();
        print(spec.commandLine().getOut(), values, errors, orders, results, fit);
        if (knownSolution()) {
            spec.commandLine().getOut().println("reference: " + (manufactured() ? "the manufactured solution " : "")
                    + extrapolation.get("solution"));
        } else if (!extrapolation.isEmpty()) {
            spec.commandLine().getOut().printf(Locale.ROOT, "reference: Richardson extrapolation of the two finest levels"
                    + " at order %.3f (from the three finest); its estimated error %s%n", extrapolation.get("order"),
                    format((Double) extrapolation.get("error_estimate")));
        }
        writeOutputs(dir, base, start, values, h, errors, orders, results, fit, threads, extrapolation);
        return 0;
    }

    private boolean manufactured() {
        return reference.equals("manufactured");
    }

    /** Whether every level is measured against a solution known without a reference run. */
    private boolean knownSolution() {
        return manufactured() || reference.equals("exact");
    }

    /** Refuses a quantity the model does not output, and an exact reference the problem has none for. */
    private void checkQuantity(Problem base) {
        if (reference.equals("exact")) {
            base.model().exactSolution();
        }
        // Every model has density; nif has rate, topo and mv rho, topo the velocity marginal.
        boolean nif = base.model() instanceof meanfield.app.problem.NifProblem;
        boolean topo = base.model() instanceof meanfield.app.problem.TopoProblem;
        if (base.model() instanceof meanfield.app.problem.NifProblem spectral && spectral.spectral()
                && quantity.equals("density") && key.startsWith("grid.v")) {
            throw new ProblemException("--quantity", "the spectral nodes of different " + key + " are not nested, so"
                    + " densities of two levels cannot be compared node by node; use --quantity rate");
        }
        if (quantity.equals("rate") && !nif || quantity.equals("rho") && nif
                || quantity.equals("velocity_marginal") && !topo) {
            throw new ProblemException("--quantity", quantity + " is not an output of model " + base.model().name());
        }
    }

    /** The options' own checks; the level count only for a whole study (a level task is one level). */
    private void checkOptions(boolean wholeStudy) {
        checkLevels(wholeStudy);
        checkChoices();
    }

    private void checkLevels(boolean wholeStudy) {
        if (!wholeStudy) {
            return;
        }
        if (knownSolution() && levels < 2) {
            throw new ProblemException("--levels", "a study needs at least 2 levels (one order), got " + levels);
        }
        if (!knownSolution() && levels < 3) {
            throw new ProblemException("--levels", "a study needs at least 3 levels (two errors against the finest), got "
                    + levels);
        }
    }

    private void checkChoices() {
        if (!(factor > 1) || !Double.isFinite(factor)) {
            throw new ProblemException("--factor", "must be greater than 1, got " + factor);
        }
        if (!key.startsWith("time.") && !key.startsWith("parameters.") && factor != Math.rint(factor)) {
            throw new ProblemException("--factor", "refining a count (" + key + ") needs a whole factor, got " + factor);
        }
        if (!List.of("l1", "l2", "max").contains(norm)) {
            throw new ProblemException("--norm", "unknown norm '" + norm + "' (known: l1, l2, max)");
        }
        if (!QUANTITIES.containsKey(quantity)) {
            throw new ProblemException("--quantity", "unknown quantity '" + quantity
                    + "' (known: density, rho, velocity_marginal, rate)");
        }
        if (!List.of("finest", "richardson", "manufactured", "exact").contains(reference)) {
            throw new ProblemException("--reference", "'" + reference + "' is not available (available: finest,"
                    + " richardson, manufactured, exact)");
        }
        if (reference.equals("richardson") && quantity.equals("rate")) {
            throw new ProblemException("--reference", "richardson extrapolates a quantity at the end; rate runs over"
                    + " time (use --reference finest)");
        }
    }

    /**
     * Refuses a study whose finest levels, run {@code threads} at a time, would not fit in the JVM's
     * heap ({@link MemoryBudget#solveBytes}: the field's work arrays, the outputs kept, the coupling
     * and rank tables), made before anything runs.
     */
    private void checkMemory(List<Problem> problems, double[] values, int threads) {
        long available = Runtime.getRuntime().maxMemory();
        long concurrent = 0;
        int running = Math.min(threads, problems.size());
        for (int i = problems.size() - 1; i >= problems.size() - running; i--) {
            Problem p = problems.get(i);
            long kept = quantity.equals("rate") ? p.time().outputTimes().length : 1;
            long bytes = MemoryBudget.solveBytes(p.model(), kept);
            // Saturating: a grid too large for a long of bytes is still too large.
            concurrent = bytes > Long.MAX_VALUE - concurrent ? Long.MAX_VALUE : concurrent + bytes;
            if (bytes > 0.8 * available || concurrent > 0.8 * available) {
                throw new ProblemException("--levels", String.format(Locale.ROOT, "level %d (%s = %s) needs about %.1f GiB"
                        + " with the levels running beside it; the JVM may use %.1f GiB (fewer levels, --threads 1, or"
                        + " MEANFIELD_JAVA_OPTS=-Xmx...)", i, key, format(values[i]), concurrent / 1073741824.0,
                        available / 1073741824.0));
            }
        }
    }

    /** The key's value in the resolved problem; a key that is absent or not a number is refused. */
    private double current(Problem base) {
        base.requireUsed(key, "--refine");
        Object node = base.source().valueAt(key);
        if (node == null) {
            if (key.equals("time.dt")) {
                throw new ProblemException("--from", "the problem fixes no time.dt: give the coarsest step with --from");
            }
            throw new ProblemException("--refine", key + " is not a key of the problem");
        }
        if (!(node instanceof Number number)) {
            throw new ProblemException("--refine", key + " is not numeric (it is " + node + ")");
        }
        return number.doubleValue();
    }

    private Problem levelProblem(String value) {
        ProblemSource source = ProblemSource.load(options.problem);
        options.overrides.forEach(source::set);
        source.set(key + "=" + value);
        return Problem.read(source);
    }

    /** The levels as independent tasks on a pool; each solve runs on one thread. */
    private Level[] runLevels(List<Problem> problems, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, problems.size()));
        try {
            List<Future<Level>> futures = new ArrayList<>();
            for (Problem p : problems) {
                futures.add(pool.submit(() -> runLevel(p)));
            }
            Level[] levelsRun = new Level[problems.size()];
            for (int i = 0; i < levelsRun.length; i++) {
                levelsRun[i] = Tasks.await(futures.get(i));
            }
            return levelsRun;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One level's run, or why it failed; against a known solution also its error, measured here (the
     * solution's description with it).
     */
    private Level runLevel(Problem p) {
                    long t0 = System.nanoTime();
                    java.util.Set<String> kept = java.util.Set.of(QUANTITIES.get(quantity));
                    boolean lastOnly = !quantity.equals("rate");
                    RecordedRun run;
                    ExactSolution known = null;
                    if (manufactured()) {
                        SolveRun.ManufacturedRun forced = SolveRun.manufactured(p.model(), kept, lastOnly);
                        run = forced.run();
                        known = forced.solution();
                    } else {
                        run = SolveRun.inMemory(p.model(), kept, lastOnly);
                        known = reference.equals("exact") ? p.model().exactSolution() : null;
                    }
                    double e = known == null || run.outcome().failure().isPresent() ? Double.NaN
                            : errorAgainst(run.result(), known);
                    return new Level(run.result(), run.outcome().steps(), run.outcome().failure().orElse(null),
                            (System.nanoTime() - t0) * 1e-9, e, known == null ? null : known.description());
    }

    /** --level-task: this one level solved as the problem stands, its level.bin and summary.json written. */
    private int runOneLevel(Problem base, long start) {
        checkOptions(false);
        checkQuantity(base);
        OutputDirectory out = options.output(base.source().name(), "converge");
        double value = current(base);
        checkMemory(List.of(base), new double[] {value}, 1);
        Level level = runLevel(base);
        Path dir = out.create();
        ConvergeLevelFile.write(dir.resolve(ConvergeLevelFile.FILE), level, QUANTITIES.get(quantity),
                quantity.equals("rate"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("refine", key);
        summary.put("value", value);
        summary.put("quantity", quantity);
        summary.put("reference", reference);
        summary.put("steps", level.steps());
        if (Double.isFinite(level.error())) {
            summary.put("error", level.error());
        }
        if (level.failure() != null) {
            summary.put("failure", level.failure());
        }
        summary.put("files", List.of(ConvergeLevelFile.FILE, "summary.json"));
        RunSummary.write(dir.resolve("summary.json"), "converge", base.source().name(), base.model().name(), start,
                base.source().tree(), summary);
        // A level that failed numerically is a result of the study (its row says so), not a failed task.
        return 0;
    }

    /** --engine slurm: one sweep task per level (the level's value set, --level-task), submitted as a job array. */
    private int submit(Problem base, double[] values, boolean integer) {
        List<String> texts = new ArrayList<>();
        for (double v : values) {
            texts.add(levelText(v, integer));
        }
        List<String> arguments = List.of("--refine", key, "--factor", String.valueOf(factor), "--norm", norm,
                "--quantity", quantity, "--reference", reference, LEVEL_TASK);
        Path dir = options.out != null ? options.out : Path.of("runs", base.source().name() + "-converge-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        PrintWriter out = spec.commandLine().getOut();
        int status = meanfield.app.sweep.StudySweep.submit(options.problem, "converge", key, texts, options.overrides,
                arguments, dir, engine.shards, engine.slurmOptions, engine.dryRun, out);
        out.println("converge: once every level is done, 'meanfield converge --merge " + dir + "' computes the errors"
                + " and orders into " + dir.resolve("study"));
        return status;
    }

    /** The levels of a merged study from their tasks' level.bin, each over its own level's grid. */
    private Level[] load(List<Problem> problems, double[] values, TaskLevels tasks) {
        Level[] loaded = new Level[problems.size()];
        for (int i = 0; i < loaded.length; i++) {
            if (Double.parseDouble(tasks.values().get(i)) != values[i]) {
                throw new ProblemException("--merge", "task " + i + " ran " + key + " = " + tasks.values().get(i)
                        + ", the study's level is " + format(values[i]));
            }
            loaded[i] = ConvergeLevelFile.read(tasks.runs().get(i).resolve(ConvergeLevelFile.FILE),
                    layout(problems.get(i)), QUANTITIES.get(quantity));
        }
        return loaded;
    }

    /** A level's grid and variables without solving it: what its stored quantity is laid out over. */
    private meanfield.solvers.result.ResultLayout layout(Problem p) {
        try (meanfield.solvers.parallel.ColumnPool pool = new meanfield.solvers.parallel.ColumnPool(1)) {
            return manufactured() ? p.model().manufactured(pool).discretization().layout()
                    : p.model().discretize(pool).layout();
        } catch (meanfield.solvers.model.InvalidModelException e) {
            throw new ProblemException(p.model().keyOf(e.part()), e.getMessage());
        }
    }

    private static String levelText(double v, boolean integer) {
        return integer ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Errors of every level against the Richardson extrapolation of the two finest (at the points of
     * the second finest), the order taken from the three finest at the points of the third finest;
     * fills {@code extrapolation} with that order and the reference's estimated error (its distance
     * from the extrapolation one level down).
     */
    private double[] richardsonErrors(Level[] results, Norm chosen, Map<String, Object> extrapolation) {
        String name = QUANTITIES.get(quantity);
        int f = levels - 1;
        for (int i = f - 2; i <= f; i++) {
            if (results[i].failure() != null) {
                throw new ProblemException("--reference", "richardson needs the three finest levels, and level " + i
                        + " failed: " + results[i].failure());
            }
        }
        RecordedResult fine = results[f].result();
        RecordedResult middle = results[f - 1].result();
        RecordedResult coarse = results[f - 2].result();
        double[] fineAtCoarse = restrictLast(fine, coarse, name);
        double[] middleAtCoarse = restrictLast(middle, coarse, name);
        double[] coarseValues = last(coarse, name);
        double order = meanfield.validation.study.Richardson.order(
                chosen.of(middleAtCoarse, coarseValues, coarse.layout(), name),
                chosen.of(fineAtCoarse, middleAtCoarse, coarse.layout(), name), factor);
        double[] limit = meanfield.validation.study.Richardson.extrapolate(restrictLast(fine, middle, name),
                last(middle, name), factor, order);
        double[] lowerLimit = meanfield.validation.study.Richardson.extrapolate(middleAtCoarse, coarseValues, factor,
                order);
        double[] limitAtCoarse = Restriction.restrict(middle.layout(), limit, coarse.layout(), name);
        extrapolation.put("order", order);
        extrapolation.put("error_estimate", chosen.of(limitAtCoarse, lowerLimit, coarse.layout(), name));
        double[] errors = new double[levels];
        for (int i = 0; i < levels; i++) {
            if (results[i].failure() != null) {
                errors[i] = Double.NaN;
            } else if (i == f) {
                errors[i] = chosen.of(restrictLast(fine, middle, name), limit, middle.layout(), name);
            } else {
                RecordedResult level = results[i].result();
                errors[i] = chosen.of(last(level, name), Restriction.restrict(middle.layout(), limit, level.layout(),
                        name), level.layout(), name);
            }
        }
        return errors;
    }

    private static double[] last(RecordedResult run, String name) {
        return run.get(name, run.outputCount() - 1);
    }

    private static double[] restrictLast(RecordedResult fine, RecordedResult coarse, String name) {
        return Restriction.restrict(fine.layout(), last(fine, name), coarse.layout(), name);
    }

    /** The error of a level against the finest, at the level's points. */
    private double error(RecordedResult coarse, RecordedResult fine, Norm chosen) {
        String name = QUANTITIES.get(quantity);
        if (coarse.layout().perOutput().stream().noneMatch(v -> v.name().equals(name))) {
            throw new ProblemException("--quantity", quantity + " is not an output of this model");
        }
        if (!quantity.equals("rate")) {
            int last = coarse.outputCount() - 1;
            double[] restricted = Restriction.restrict(fine.layout(), fine.get(name, fine.outputCount() - 1),
                    coarse.layout(), name);
            return chosen.of(coarse.get(name, last), restricted, coarse.layout(), name);
        }
        return overTime(coarse, chosen, o -> Restriction.restrict(fine.layout(), fine.get(name, o), coarse.layout(),
                name));
    }

    /** Rates over the whole run: the norm over outputs of the norms over labels, against a reference per output. */
    private double overTime(RecordedResult level, Norm chosen, java.util.function.IntFunction<double[]> reference) {
        String name = QUANTITIES.get(quantity);
        double total = 0;
        double every = level.outputCount() > 1 ? level.time(1) - level.time(0) : 1;
        for (int o = 0; o < level.outputCount(); o++) {
            double e = chosen.of(level.get(name, o), reference.apply(o), level.layout(), name);
            total = chosen == Norm.MAX ? Math.max(total, e) : chosen == Norm.L2 ? total + every * e * e : total + every * e;
        }
        return chosen == Norm.L2 ? Math.sqrt(total) : total;
    }

    /** The error of a level against a known solution (exact, or the manufactured one it was forced to), at its points. */
    private double errorAgainst(RecordedResult level, ExactSolution solution) {
        String name = QUANTITIES.get(quantity);
        Norm chosen = Norm.valueOf(norm.toUpperCase(Locale.ROOT));
        List<meanfield.solvers.result.Variable> fields = level.layout().perOutput();
        double[][] exact = new double[fields.size()][];
        for (int i = 0; i < exact.length; i++) {
            exact[i] = new double[level.layout().size(fields.get(i))];
        }
        int which = level.layout().slot(name);
        java.util.function.IntFunction<double[]> at = o -> {
            solution.exactFields(level.time(o), exact);
            return exact[which];
        };
        if (quantity.equals("rate")) {
            return overTime(level, chosen, at);
        }
        int last = level.outputCount() - 1;
        return chosen.of(level.get(name, last), at.apply(last), level.layout(), name);
    }

    private static int validCount(double[] errors, int from) {
        int n = 0;
        for (int i = from; i < errors.length; i++) {
            n += errors[i] > 0 ? 1 : 0;
        }
        return n;
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.6g", x);
    }

    private void print(PrintWriter out, double[] values, double[] errors, double[] orders, Level[] results, double[] fit) {
        out.printf("%-6s %-14s %-14s %-8s %-8s%n", "level", key, "error", "order", "wall s");
        for (int i = 0; i < values.length; i++) {
            String error = i < errors.length ? (results[i].failure() != null ? "failed" : format(errors[i])) : "reference";
            String order = i > 0 && i - 1 < orders.length ? String.format(Locale.ROOT, "%.3f", orders[i - 1]) : "";
            out.printf("%-6d %-14s %-14s %-8s %-8.2f%n", i, format(values[i]), error, order, results[i].seconds());
        }
        out.printf("observed order (least squares over the finest levels): %.3f +- %.3f%n", fit[0], fit[1]);
    }

    /** convergence.csv as a data file over the dimension {@code level} (NaN where the csv cell is empty). */
    private static meanfield.app.output.DataTable convergenceTable(Problem base, String key, double[] values,
            double[] errors, double[] orders, Level[] results) {
        int n = values.length;
        double[] levels = new double[n];
        double[] error = new double[n];
        double[] order = new double[n];
        double[] seconds = new double[n];
        double[] steps = new double[n];
        for (int i = 0; i < n; i++) {
            levels[i] = i;
            error[i] = i < errors.length ? errors[i] : Double.NaN;
            order[i] = i > 0 && i - 1 < orders.length ? orders[i - 1] : Double.NaN;
            seconds[i] = results[i].seconds();
            steps[i] = results[i].steps();
        }
        int[] shape = {n};
        return new meanfield.app.output.DataTable().attribute("problem", base.source().toYaml())
                .attribute("version", Version.current()).attribute("refine", key)
                .coordinate("level", "1", "level (0 coarsest)", levels, true)
                .numbers("value", "1", "value of " + key, values, shape, "level")
                .numbers("error", "1", "error of the level (NaN: the reference, or failed)", error, shape, "level")
                .numbers("order", "1", "observed order between this level and the previous one", order, shape, "level")
                .numbers("wall_seconds", "s", "wall time of the level's solve", seconds, shape, "level")
                .integers("steps", "1", "time steps of the level's solve", steps, shape, "level");
    }

    private void writeOutputs(Path dir, Problem base, long start, double[] values, double[] h, double[] errors,
            double[] orders, Level[] results, double[] fit, int threads, Map<String, Object> extrapolation) {
        List<Map<String, Object>> table = new ArrayList<>();
        StringBuilder csv = new StringBuilder("level,value,error,order,wall_seconds,failure\n");
        for (int i = 0; i < values.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", values[i]);
            Double error = i < errors.length && Double.isFinite(errors[i]) ? errors[i] : null;
            Double order = i > 0 && i - 1 < orders.length && Double.isFinite(orders[i - 1]) ? orders[i - 1] : null;
            row.put("error", error);
            row.put("order", order);
            row.put("wall_seconds", results[i].seconds());
            if (results[i].failure() != null) {
                row.put("failure", results[i].failure());
            }
            row.put("steps", results[i].steps());
            table.add(row);
            csv.append(i).append(',').append(values[i]).append(',').append(error == null ? "" : error).append(',')
                    .append(order == null ? "" : order).append(',').append(results[i].seconds()).append(',')
                    .append(results[i].failure() == null ? "" : '"' + results[i].failure().replace("\"", "'") + '"')
                    .append('\n');
        }
        Path plot = ConvergencePlot.write(dir.resolve("convergence.png"), key, values, h,
                java.util.Arrays.copyOf(errors, values.length));
        try {
            Files.writeString(dir.resolve("convergence.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("convergence.csv"), e);
        }
        Path data = convergenceTable(base, key, values, errors, orders, results).write(base.output().format(), dir,
                "convergence");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("refine", key);
        summary.put("factor", factor);
        summary.put("reference", reference);
        if (knownSolution()) {
            summary.put(manufactured() ? "manufactured_solution" : "exact_solution", extrapolation.get("solution"));
        } else if (!extrapolation.isEmpty()) {
            summary.put("richardson", extrapolation);
        }
        summary.put("norm", norm);
        summary.put("quantity", quantity);
        summary.put("levels", table);
        summary.put("observed_order", Double.isFinite(fit[0]) ? fit[0] : null);
        summary.put("observed_order_stderr", Double.isFinite(fit[1]) ? fit[1] : null);
        summary.put("threads", threads);
        summary.put("files", List.of("convergence.csv", data.getFileName().toString(), plot.getFileName().toString(),
                "summary.json"));
        RunSummary.write(dir.resolve("summary.json"), "converge", base.source().name(), base.model().name(), start,
                base.source().tree(), summary);
    }
}
