package meanfield.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import meanfield.app.problem.ModelProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.run.RecordedRun;
import meanfield.validation.study.OrderFit;
import meanfield.validation.study.SeedMean;

/**
 * {@code validate}: particle runs of every N and seed against the continuum on the same network and
 * initial data. The work is an explicit list of independent single-threaded tasks (the limit
 * continuum, the continuum at double resolution, and one task per N and seed that builds the network,
 * runs the particles and, with the network's step kernel, solves that network's continuum), run on
 * a pool; results are gathered by task, so nothing depends on --threads.
 */
final class ValidationStudy {
    /** Which kernel the continuum gets: the limit w, each network's step kernel, or both. */
    enum Kernel {
        LIMIT, NETWORK, BOTH;

        boolean limit() {
            return this != NETWORK;
        }

        boolean network() {
            return this != LIMIT;
        }
    }

    /** @param trees tree-indexed observables (nif), as {@link meanfield.validation.tree.TreeSpec} specs; may be empty */
    record Settings(int[] particles, int seeds, Kernel kernel, double[] times, int threads, boolean quiet,
            List<String> trees) {
    }

    /** One task of the list: a particle run (N, seed). */
    record Task(int particles, long seed) {
    }

    /**
     * A finished task: what the distances read of it, the particle observables (by key) and, with a
     * network kernel, each distance's continuum observable on the run's own network (by distance name);
     * both empty for a failed run.
     */
    record Finished(Map<String, double[]> particles, Map<String, double[]> network, double seconds, String failure) {
    }

    /** A finished run before its distances' observables are taken. */
    private record RawRun(ValidationModel.ParticleRun run, double seconds, String failure) {
    }

    /**
     * What a task of one N run as a sweep task (validate --runs-task) leaves besides its runs, when it
     * also solves the continua: their wall time, the limit continuum's failure, the limit kernel's
     * observable of every distance of every N (key {@code N/name}) and the grid error.
     */
    record Continua(double seconds, String limitFailure, Map<String, double[]> limit, Map<String, Double> discretization) {
    }

    /** One distance at one N: per seed, mean with standard error, and the bias of the seed average. */
    record Statistic(String name, String formula, double[] perSeed, SeedMean mean, double bias, double[] continuum,
            double[][] particles) {
    }

    /** The results at one N; failures name the seeds that failed and why. */
    record Level(int particles, List<Statistic> distances, double secondsPerRun, List<String> failures) {
        Statistic get(String name) {
            return distances.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** The study: levels, fits per distance ({exponent, stderr}), continuum costs and the grid error. */
    record Outcome(List<Level> levels, Map<String, double[]> fits, String primary, double[] comparisonTimes,
            double continuumSeconds, Map<String, Double> discretizationError, String kernelDescription,
            RecordedResult limitContinuum) {
    }

    private final Problem problem;
    private final Settings settings;
    private final ValidationModel model;
    private final CommonOptions options;

    ValidationStudy(Problem problem, Settings settings, CommonOptions options) {
        this.problem = problem;
        this.settings = settings;
        this.options = options;
        this.model = ValidationModel.of(problem, settings.times(), settings.trees());
        if (settings.kernel() == Kernel.NETWORK && !model.hasNetwork()) {
            throw new ProblemException("--kernel", "model " + problem.model().name() + " has no network: only"
                    + " --kernel limit applies");
        }
    }

    /** The explicit task list: N by N (as given), seeds 1..K within each. */
    List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (int n : settings.particles()) {
            for (long s = 1; s <= settings.seeds(); s++) {
                tasks.add(new Task(n, s));
            }
        }
        return tasks;
    }

    private Kernel kernel() {
        return model.hasNetwork() ? settings.kernel() : Kernel.LIMIT;
    }

    /** How many runs may be in memory at once: --threads, fewer if the largest runs would not fit. */
    int concurrency(PrintWriter err) {
        int largest = 0;
        for (int n : settings.particles()) {
            largest = Math.max(largest, n);
        }
        return concurrency(err, largest);
    }

    private int concurrency(PrintWriter err, int largest) {
        long perRun = model.runBytes(largest);
        long available = (long) (0.8 * Runtime.getRuntime().maxMemory());
        if (perRun > available) {
            throw new ProblemException("--particles", String.format(Locale.ROOT, "N = %d needs about %.1f GiB per run"
                    + " (the network, 8 bytes a synapse and direction kept, and the neurons' state); the JVM may use %.1f GiB"
                    + " (a smaller N, a sparser particles.connectivity, or MEANFIELD_JAVA_OPTS=-Xmx...)", largest,
                    perRun / 1073741824.0, available / 1073741824.0));
        }
        int fit = (int) Math.max(1, available / Math.max(1, perRun));
        if (fit < settings.threads() && !settings.quiet()) {
            err.printf(Locale.ROOT, "note: %d runs at once (not %d): a run of N = %d needs %.1f GiB%n", fit,
                    settings.threads(), largest, perRun / 1073741824.0);
        }
        return Math.min(settings.threads(), fit);
    }

    Outcome run(PrintWriter err) {
        List<Task> tasks = tasks();
        int workers = concurrency(err);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long totalWeight = 0;
        for (Task t : tasks) {
            totalWeight += t.particles();
        }
        StudyProgress progress = new StudyProgress("validate " + problem.source().name(), settings.quiet(),
                tasks.size(), 2, totalWeight);
        try {
            long t0 = System.nanoTime();
            Future<RecordedRun> limit = kernel().limit() ? solve(pool, problem.model(), progress) : null;
            Future<RecordedRun> doubled = solve(pool, model.doubled(options), progress);
            List<Future<RawRun>> runs = submitRuns(pool, tasks, progress);
            RecordedRun limitRun = limit == null ? null : Tasks.await(limit);
            double continuumSeconds = (System.nanoTime() - t0) * 1e-9;
            List<Finished> finished = finishAll(tasks, runs);
            RecordedRun doubledRun = Tasks.await(doubled);
            progress.close();
            if (limitRun != null && limitRun.outcome().failure().isPresent()) {
                err.println(limitFailureMessage(limitRun.outcome().failure().get()));
                return null;
            }
            return outcome(tasks, finished, (n, d) -> d.continuum().apply(limitRun.result()),
                    discretizationError(limitRun, doubledRun), continuumSeconds,
                    limitRun == null ? null : limitRun.result());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String limitFailureMessage(String failure) {
        return "numerical failure of the continuum solve (limit kernel): " + failure + "; no reference, no distances";
    }

    /** A continuum solve on the pool, counted by the progress bar when it ends. */
    private Future<RecordedRun> solve(ExecutorService pool, ModelProblem side,
            StudyProgress progress) {
        return pool.submit(() -> {
            RecordedRun r = model.solve(side);
            progress.finishedSide();
            return r;
        });
    }

    /** The tasks' runs awaited and finished, in task order. */
    private List<Finished> finishAll(List<Task> tasks, List<Future<RawRun>> runs) {
        List<Finished> finished = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            finished.add(finish(tasks.get(i), Tasks.await(runs.get(i))));
        }
        return finished;
    }

    /** The particle runs of the tasks on the pool, in task order. */
    private List<Future<RawRun>> submitRuns(ExecutorService pool, List<Task> tasks, StudyProgress progress) {
        List<Future<RawRun>> runs = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            int slot = i;
            runs.add(pool.submit(() -> {
                long start = System.nanoTime();
                ValidationModel.ParticleRun run = model.run(task.particles(), task.seed(), kernel().network(),
                        f -> progress.update(slot, task.particles(), f));
                String failure = run.failure();
                if (failure == null && run.networkContinuum() != null
                        && run.networkContinuum().outcome().failure().isPresent()) {
                    failure = "the continuum on this network failed: " + run.networkContinuum().outcome().failure().get();
                }
                progress.update(slot, task.particles(), 1);
                return new RawRun(run, (System.nanoTime() - start) * 1e-9, failure);
            }));
        }
        return runs;
    }

    /** What the distances read of a run: its particle observables and its network's continuum observables. */
    private Finished finish(Task task, RawRun raw) {
        Map<String, double[]> particles = new LinkedHashMap<>();
        Map<String, double[]> network = new LinkedHashMap<>();
        if (raw.failure() == null) {
            for (ValidationDistance d : model.distances(task.particles())) {
                particles.put(d.particleKey(), raw.run().observables().get(d.particleKey()));
                if (kernel().network()) {
                    network.put(d.name(), d.continuum().apply(raw.run().networkContinuum().result()));
                }
            }
        }
        return new Finished(particles, network, raw.seconds(), raw.failure());
    }

    /**
     * validate --runs-task: the seeds of one N (a sweep task of 'validate --engine slurm'), and with
     * {@code continua} the two continuum solves and what the merge needs of them. The runs are the
     * local study's tasks of that N, so the merge computes the local study's numbers.
     */
    TaskResult runTask(int n, boolean continua, PrintWriter err) {
        List<Task> tasks = new ArrayList<>();
        for (long s = 1; s <= settings.seeds(); s++) {
            tasks.add(new Task(n, s));
        }
        int workers = concurrency(err, n);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        StudyProgress progress = new StudyProgress("validate " + problem.source().name() + " N = " + n,
                settings.quiet(), tasks.size(), continua ? 2 : 0, (long) n * tasks.size());
        try {
            long t0 = System.nanoTime();
            Future<RecordedRun> limit = continua && kernel().limit() ? solve(pool, problem.model(), progress) : null;
            Future<RecordedRun> doubled = continua ? solve(pool, model.doubled(options), progress) : null;
            List<Future<RawRun>> runs = submitRuns(pool, tasks, progress);
            RecordedRun limitRun = limit == null ? null : Tasks.await(limit);
            double continuumSeconds = (System.nanoTime() - t0) * 1e-9;
            List<Finished> finished = finishAll(tasks, runs);
            Continua stored = null;
            if (continua) {
                RecordedRun doubledRun = Tasks.await(doubled);
                String limitFailure = limitRun == null ? null : limitRun.outcome().failure().orElse(null);
                Map<String, double[]> limitObservables = new LinkedHashMap<>();
                Map<String, Double> grid = new LinkedHashMap<>();
                if (limitFailure == null) {
                    if (limitRun != null) {
                        for (int m : settings.particles()) {
                            for (ValidationDistance d : model.distances(m)) {
                                limitObservables.put(m + "/" + d.name(), d.continuum().apply(limitRun.result()));
                            }
                        }
                    }
                    grid = discretizationError(limitRun, doubledRun);
                }
                stored = new Continua(continuumSeconds, limitFailure, limitObservables, grid);
            }
            progress.close();
            return new TaskResult(n, finished, stored);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The runs of one N (seeds 1..K in order) and, from one task, the continua. */
    record TaskResult(int particles, List<Finished> runs, Continua continua) {
    }

    /**
     * validate --merge: the study from its tasks' results, N by N as the local study orders them, by
     * the local study's code; null (after saying why) when the limit continuum failed.
     */
    Outcome merge(List<TaskResult> results, PrintWriter err) {
        Continua continua = results.stream().map(TaskResult::continua).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new ProblemException("--merge", "no task holds the continuum solves"));
        if (continua.limitFailure() != null) {
            err.println(limitFailureMessage(continua.limitFailure()));
            return null;
        }
        List<Finished> finished = new ArrayList<>();
        for (TaskResult r : results) {
            finished.addAll(r.runs());
        }
        return outcome(tasks(), finished, (n, d) -> continua.limit().get(n + "/" + d.name()), continua.discretization(),
                continua.seconds(), null);
    }

    private Outcome outcome(List<Task> tasks, List<Finished> finished,
            java.util.function.BiFunction<Integer, ValidationDistance, double[]> limitOf,
            Map<String, Double> discretization, double continuumSeconds, RecordedResult limitResult) {
        List<Level> levels = new ArrayList<>();
        int k = settings.seeds();
        Kernel kernel = kernel();
        for (int l = 0; l < settings.particles().length; l++) {
            int n = settings.particles()[l];
            List<Finished> level = finished.subList(l * k, (l + 1) * k);
            List<Finished> good = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            double seconds = 0;
            for (int s = 0; s < k; s++) {
                Finished f = level.get(s);
                seconds += f.seconds();
                if (f.failure() == null) {
                    good.add(f);
                } else {
                    failures.add("seed " + tasks.get(l * k + s).seed() + ": " + f.failure());
                }
            }
            List<Statistic> stats = new ArrayList<>();
            if (!good.isEmpty()) {
                for (ValidationDistance d : model.distances(n)) {
                    if (kernel.network()) {
                        stats.add(statistic(d, "", good, f -> f.network().get(d.name())));
                    }
                    if (kernel.limit()) {
                        double[] c = limitOf.apply(n, d);
                        stats.add(statistic(d, kernel.network() ? "_limit" : "", good, f -> c));
                    }
                    if (kernel == Kernel.BOTH && d.comparable() && d.name().equals(model.primary())) {
                        stats.add(networkVersusGraphon(d, good, limitOf.apply(n, d)));
                    }
                }
            }
            levels.add(new Level(n, stats, seconds / k, failures));
        }
        Map<String, double[]> fits = new LinkedHashMap<>();
        if (!levels.isEmpty()) {
            for (Level level : levels) {
                for (Statistic s : level.distances()) {
                    fits.putIfAbsent(s.name(), fit(levels, s.name()));
                }
            }
        }
        return new Outcome(levels, fits, model.primary(), model.comparisonTimes(), continuumSeconds,
                discretization, kernelDescription(kernel), limitResult);
    }

    /** A distance over the seeds that ran, against the continuum each seed is compared with. */
    private static Statistic statistic(ValidationDistance d, String suffix, List<Finished> good,
            java.util.function.Function<Finished, double[]> continuumOf) {
        int k = good.size();
        double[] perSeed = new double[k];
        double[][] particles = new double[k][];
        double[][] continua = new double[k][];
        for (int s = 0; s < k; s++) {
            particles[s] = good.get(s).particles().get(d.particleKey());
            continua[s] = continuumOf.apply(good.get(s));
            perSeed[s] = d.metric().distance(particles[s], continua[s]);
        }
        // With a network per seed the seed-averaged observable meets the seed-averaged continuum.
        double[] continuum = SeedMean.average(continua);
        double bias = d.metric().pooled(particles, continuum);
        return new Statistic(d.name() + suffix, d.formula() + (suffix.isEmpty() ? "" : ", against the limit kernel's"
                + " continuum"), perSeed, SeedMean.of(perSeed), bias, continuum, particles);
    }

    /** How far each network's continuum is from the graphon's, in the primary distance. */
    private static Statistic networkVersusGraphon(ValidationDistance d, List<Finished> good, double[] limit) {
        int k = good.size();
        double[] perSeed = new double[k];
        double[][] networks = new double[k][];
        for (int s = 0; s < k; s++) {
            networks[s] = good.get(s).network().get(d.name());
            perSeed[s] = d.metric().distance(networks[s], limit);
        }
        return new Statistic("network_graphon", "the primary distance between the continuum on each network's step"
                + " kernel and the continuum on the limit kernel (the graphon): how far the network is from its limit",
                perSeed, SeedMean.of(perSeed), d.metric().distance(SeedMean.average(networks), limit), limit, networks);
    }

    /**
     * The continuum's own error, measured by every distance that compares two continua: the distance of
     * the solution at double resolution from the one the particles are compared with (for --kernel
     * network the limit kernel's, on the grid the networks' continua share), on the bins of the largest N.
     */
    private Map<String, Double> discretizationError(RecordedRun limit, RecordedRun doubled) {
        Map<String, Double> errors = new LinkedHashMap<>();
        if (doubled.outcome().failure().isPresent()) {
            return errors;
        }
        RecordedRun base = limit != null ? limit : model.solve(problem.model());
        int largest = settings.particles()[settings.particles().length - 1];
        for (ValidationDistance d : model.distances(largest)) {
            if (d.comparable()) {
                errors.put(d.name(), d.metric().distance(d.continuum().apply(doubled.result()),
                        d.continuum().apply(base.result())));
            }
        }
        return errors;
    }

    private static String kernelDescription(Kernel kernel) {
        return switch (kernel) {
            case LIMIT -> "limit: one continuum on the limit kernel w(xi, zeta) for every run";
            case NETWORK -> "network: each run against the continuum on its own network's step kernel";
            case BOTH -> "both: each run against the continuum on its own network's step kernel (distances without"
                    + " suffix) and against the continuum on the limit kernel (suffix _limit)";
        };
    }

    /** Least squares of log mean distance against log N over the levels that have one: {exponent, stderr}. */
    private static double[] fit(List<Level> levels, String name) {
        List<double[]> points = new ArrayList<>();
        for (Level l : levels) {
            Statistic s = l.get(name);
            if (s != null && s.mean().mean() > 0) {
                points.add(new double[] {l.particles(), s.mean().mean()});
            }
        }
        if (points.size() < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] n = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] e = points.stream().mapToDouble(p -> p[1]).toArray();
        double[] fit = OrderFit.leastSquares(n, e, 0, n.length);
        return new double[] {fit[0], fit[1]};
    }

    /** One progress bar over the whole study: runs weighted by N, plus the continuum solves. */
    private static final class StudyProgress implements AutoCloseable {
        private final Progress bar;
        private final double[] fraction;
        private final long totalWeight;
        private int sideDone;
        private final int sides;

        /** {@code runs} particle runs of the given total weight (particles) and {@code sides} continuum solves. */
        StudyProgress(String name, boolean quiet, int runs, int sides, long totalWeight) {
            this.bar = new Progress(name, 1.0, quiet);
            this.fraction = new double[runs];
            this.totalWeight = totalWeight;
            this.sides = sides;
        }

        synchronized void update(int slot, int n, double f) {
            fraction[slot] = f * n;
            report();
        }

        synchronized void finishedSide() {
            sideDone++;
            report();
        }

        private void report() {
            double done = 0;
            for (double x : fraction) {
                done += x;
            }
            // A continuum solve counts as one run of the mean size.
            double side = (double) totalWeight / Math.max(1, fraction.length);
            bar.accept(Math.min(1, (done + sideDone * side) / (totalWeight + sides * side)));
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
