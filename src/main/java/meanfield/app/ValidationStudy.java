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

    /** A finished task. */
    private record Finished(ValidationModel.ParticleRun run, double seconds, String failure) {
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
        long perRun = model.runBytes(largest);
        long available = (long) (0.8 * Runtime.getRuntime().maxMemory());
        if (perRun > available) {
            throw new ProblemException("--particles", String.format(Locale.ROOT, "N = %d needs about %.1f GiB per run"
                    + " (synapses at 16 bytes each, both directions, and the neurons' state); the JVM may use %.1f GiB"
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
                tasks.size() + 2, totalWeight);
        try {
            long t0 = System.nanoTime();
            Future<RecordedRun> limit = kernel().limit() ? pool.submit(() -> {
                RecordedRun r = model.solve(problem.model());
                progress.finishedSide();
                return r;
            }) : null;
            Future<RecordedRun> doubled = pool.submit(() -> {
                RecordedRun r = model.solve(model.doubled(options));
                progress.finishedSide();
                return r;
            });
            List<Future<Finished>> runs = new ArrayList<>();
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
                    return new Finished(run, (System.nanoTime() - start) * 1e-9, failure);
                }));
            }
            RecordedRun limitRun = limit == null ? null : Tasks.await(limit);
            double continuumSeconds = (System.nanoTime() - t0) * 1e-9;
            List<Finished> finished = new ArrayList<>();
            for (Future<Finished> f : runs) {
                finished.add(Tasks.await(f));
            }
            RecordedRun doubledRun = Tasks.await(doubled);
            progress.close();
            if (limitRun != null && limitRun.outcome().failure().isPresent()) {
                err.println("numerical failure of the continuum solve (limit kernel): "
                        + limitRun.outcome().failure().get() + "; no reference, no distances");
                return null;
            }
            return outcome(tasks, finished, limitRun, doubledRun, continuumSeconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome outcome(List<Task> tasks, List<Finished> finished, RecordedRun limit, RecordedRun doubled,
            double continuumSeconds) {
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
                        stats.add(statistic(d, "", good, f -> d.continuum().apply(f.run().networkContinuum().result())));
                    }
                    if (kernel.limit()) {
                        double[] c = d.continuum().apply(limit.result());
                        stats.add(statistic(d, kernel.network() ? "_limit" : "", good, f -> c));
                    }
                    if (kernel == Kernel.BOTH && d.comparable() && d.name().equals(model.primary())) {
                        stats.add(networkVersusGraphon(d, good, d.continuum().apply(limit.result())));
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
                discretizationError(limit, doubled), kernelDescription(kernel), limit == null ? null : limit.result());
    }

    /** A distance over the seeds that ran, against the continuum each seed is compared with. */
    private static Statistic statistic(ValidationDistance d, String suffix, List<Finished> good,
            java.util.function.Function<Finished, double[]> continuumOf) {
        int k = good.size();
        double[] perSeed = new double[k];
        double[][] particles = new double[k][];
        double[][] continua = new double[k][];
        for (int s = 0; s < k; s++) {
            particles[s] = good.get(s).run().observables().get(d.particleKey());
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
            networks[s] = d.continuum().apply(good.get(s).run().networkContinuum().result());
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
        private final int tasks;

        StudyProgress(String name, boolean quiet, int tasks, long totalWeight) {
            this.bar = new Progress(name, 1.0, quiet);
            this.fraction = new double[tasks];
            this.totalWeight = totalWeight;
            this.tasks = tasks;
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
            // The two continuum solves count as one run of the mean size each.
            double side = (double) totalWeight / Math.max(1, tasks - 2);
            bar.accept(Math.min(1, (done + sideDone * side) / (totalWeight + 2 * side)));
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
