package meanfield.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.run.RecordedRun;
import meanfield.validation.study.ParticleLevels;
import meanfield.validation.study.SeedMean;

/**
 * {@code converge PROBLEM --refine particles}: the particle system at N_l = from x factor^l particles
 * with seeds 1..K per level, and the continuum solved once at the problem's resolution with the limit
 * kernel. The runs and the solve are independent single-threaded tasks of an explicit list on a pool
 * of --threads workers; every run is seeded and the results are gathered in list order, so nothing
 * depends on the number of workers. Per level: the mean distance over seeds with its standard error,
 * and the bias, the distance of the seed-averaged observable to the continuum.
 */
final class ParticleStudy {
    /** What the study runs with: --levels, --factor, --from (null: particles.n), --seeds, --threads, --quiet. */
    record Settings(int levels, double factor, Integer from, int seeds, int threads, boolean quiet) {
    }

    /** One finished particle run: its observable and the layout it is on, or why it failed. */
    private record RunResult(ParticleLevels.Run run, double[] observable, ResultLayout layout, String failure,
            double seconds) {
    }

    /** The continuum solve and its wall time. */
    private record Continuum(RecordedRun run, double seconds) {
    }

    /** The results of one particle number. */
    record Level(int particles, double[] distances, SeedMean distance, double bias, double secondsPerRun,
            String failure) {
    }

    /** The whole study: levels, the fit of log distance against log N, and the continuum's cost. */
    record Outcome(List<Level> levels, double exponent, double exponentStderr, double continuumSeconds,
            long continuumSteps, String description) {
    }

    private final Problem problem;
    private final Settings settings;
    private final ParticleComparison comparison;

    ParticleStudy(Problem problem, Settings settings) {
        if (problem.particles().connectivity().equals("file")) {
            throw new ProblemException("particles.connectivity", "a network file fixes N = the file's size; a"
                    + " particle-number study needs a sampled network (dense, erdos-renyi or fixed-in-degree)");
        }
        this.problem = problem;
        this.settings = settings;
        this.comparison = ParticleComparison.of(problem);
    }

    /** The particle numbers of the levels. */
    int[] counts() {
        int from = settings.from() != null ? settings.from() : problem.particles().n();
        if (from < 2) {
            throw new ProblemException("particles.n", "the smallest particle number must be at least 2, got " + from
                    + " (or give --from)");
        }
        try {
            return ParticleLevels.counts(from, settings.factor(), settings.levels());
        } catch (IllegalArgumentException e) {
            throw new ProblemException("--levels", e.getMessage());
        }
    }

    /** Runs the study; null when the continuum solve failed (reported on err). */
    Outcome run(PrintWriter err) {
        int[] counts = counts();
        List<ParticleLevels.Run> runs = ParticleLevels.runs(counts, settings.seeds());
        checkMemory(counts);
        int workers = Math.min(settings.threads(), runs.size() + 1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            AtomicInteger done = new AtomicInteger();
            Future<Continuum> continuumTask = pool.submit(() -> solveContinuum(err));
            List<Future<RunResult>> tasks = new ArrayList<>();
            for (ParticleLevels.Run r : runs) {
                tasks.add(pool.submit(() -> simulate(r, done, runs.size(), err)));
            }
            Continuum continuum = Tasks.await(continuumTask);
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> task : tasks) {
                results.add(Tasks.await(task));
            }
            if (continuum.run().outcome().failure().isPresent()) {
                err.println("numerical failure of the continuum solve: " + continuum.run().outcome().failure().get()
                        + "; no reference, no distances");
                return null;
            }
            return outcome(counts, results, continuum);
        } finally {
            pool.shutdownNow();
        }
    }

    private Continuum solveContinuum(PrintWriter err) {
        long t0 = System.nanoTime();
        RecordedRun run = SolveRun.inMemory(problem.model(), java.util.Set.of(comparison.continuumVariable()),
                comparison.lastOnly());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (!settings.quiet()) {
            synchronized (err) {
                err.printf(Locale.ROOT, "continuum solved (%.2f s)%n", seconds);
                err.flush();
            }
        }
        return new Continuum(run, seconds);
    }

    private RunResult simulate(ParticleLevels.Run r, AtomicInteger done, int total, PrintWriter err) {
        long t0 = System.nanoTime();
        ParticleJob job = comparison.job(r.particles(), r.seed());
        RecordedResult record = comparison.particleRecord();
        try {
            job.run(record, null, fraction -> { });
        } catch (InvalidModelException e) {
            throw new ProblemException(problem.model().keyOf(e.part()), e.getMessage());
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        String failure = job.failure().orElse(null);
        double[] observable = failure == null ? comparison.observe(record) : null;
        if (!settings.quiet()) {
            synchronized (err) {
                err.printf(Locale.ROOT, "run %d/%d: N = %d, seed %d, %.2f s%s%n", done.incrementAndGet(), total,
                        r.particles(), r.seed(), seconds, failure == null ? "" : ", failed: " + failure);
                err.flush();
            }
        }
        return new RunResult(r, observable, record.layout(), failure, seconds);
    }

    private Outcome outcome(int[] counts, List<RunResult> results, Continuum continuum) {
        List<Level> levels = new ArrayList<>();
        int k = settings.seeds();
        for (int l = 0; l < counts.length; l++) {
            List<RunResult> level = results.subList(l * k, (l + 1) * k);
            double seconds = 0;
            String failure = null;
            for (RunResult r : level) {
                seconds += r.seconds();
                failure = failure == null && r.failure() != null ? "seed " + r.run().seed() + ": " + r.failure() : failure;
            }
            if (failure != null) {
                levels.add(new Level(counts[l], new double[0], new SeedMean(Double.NaN, Double.NaN), Double.NaN,
                        seconds / k, failure));
                continue;
            }
            ParticleComparison.Distance distance = comparison.distance(level.get(0).layout(),
                    continuum.run().result());
            double[] distances = new double[k];
            double[][] observables = new double[k][];
            for (int s = 0; s < k; s++) {
                observables[s] = level.get(s).observable();
                distances[s] = distance.of(observables[s]);
            }
            levels.add(new Level(counts[l], distances, SeedMean.of(distances), distance.of(SeedMean.average(observables)),
                    seconds / k, null));
        }
        double[] fit = fit(levels);
        return new Outcome(levels, fit[0], fit[1], continuum.seconds(), continuum.run().outcome().steps(),
                comparison.description());
    }

    /** Least squares of log mean distance against log N over the levels that have one: {exponent, stderr}. */
    private static double[] fit(List<Level> levels) {
        List<double[]> points = new ArrayList<>();
        for (Level l : levels) {
            if (l.distance().mean() > 0) {
                points.add(new double[] {l.particles(), l.distance().mean()});
            }
        }
        if (points.size() < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] n = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] e = points.stream().mapToDouble(p -> p[1]).toArray();
        double[] fit = meanfield.validation.study.OrderFit.leastSquares(n, e, 0, n.length);
        return new double[] {fit[0], fit[1]};
    }

    /**
     * Refuses a study whose largest runs, --threads of them at once, would not fit in the JVM's heap
     * (the network, {@link meanfield.app.problem.ParticleSettings#networkBytes}), before anything runs. The bound takes every
     * concurrent run at the largest N: the finest level's runs may all be running together.
     */
    private void checkMemory(int[] counts) {
        long available = Runtime.getRuntime().maxMemory();
        int concurrent = Math.min(settings.threads(), counts.length * settings.seeds());
        int l = counts.length - 1;
        long perRun = comparison.runBytes(counts[l]);
        double needed = (double) perRun * concurrent;
        if (needed > 0.8 * available) {
            throw new ProblemException("--levels", String.format(Locale.ROOT, "level %d (N = %d) needs about %.1f GiB"
                    + " (%.2f GiB per run x %d concurrent runs); the JVM may use %.1f GiB (fewer levels, a smaller"
                    + " --from or --factor, --threads 1, or MEANFIELD_JAVA_OPTS=-Xmx...)", l, counts[l],
                    needed / 1073741824.0, perRun / 1073741824.0, concurrent, available / 1073741824.0));
        }
    }
}
