package meanfield.app;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import meanfield.app.output.RunSummary;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code meanfield validate PROBLEM --particles N1,N2,...}: particle runs against the continuum on the
 * same network and initial data, distances per N with their spread over seeds, the fitted exponent
 * in N, validation.h5, plots and summary.json (see {@link ValidationStudy}).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Particle runs against the continuum on the same network: distances, fitted exponent, plots.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--particles", paramLabel = "N1,N2,...",
            description = "Particle numbers, comma-separated, each at least 2.")
    String particles;

    @Option(names = "--seeds", paramLabel = "K", description = "Seeds 1..K per particle number (default 4).")
    int seeds = 4;

    @Option(names = "--kernel", paramLabel = "limit|network|both",
            description = "The continuum's kernel (nif): the limit w, each network's step kernel, or both (default).")
    String kernel = "both";

    @Option(names = "--times", paramLabel = "T1,T2,...",
            description = "Times of the distances at one time (density, W1), in [0, time.end] (default: time.end).")
    String times;

    @Option(names = "--trees", paramLabel = "SPEC;SPEC...",
            description = "Tree-indexed observables (nif), e.g. 'chain:1,v,nu;star:nu,1,1': chain or star, then the"
                    + " test function of each vertex, root first (1, v, nu, ind[a,b]), up to 4 vertices.")
    String trees;

    @Mixin
    StudyEngineOptions engine;

    @Option(names = RUNS_TASK, description = "One particle number of a study run as a sweep task: the seeds of N ="
            + " particles.n (its --set), the smallest N also the continua, written to runs.bin for --merge.")
    boolean runsTask;

    @Option(names = "--merge", description = "PROBLEM is the directory of a 'validate --engine slurm' study whose tasks"
            + " are done: table, fits, validation.h5, plots from the tasks' runs.bin, into --out (default DIR/study).")
    boolean merge;

    @Spec
    CommandSpec spec;

    /** The option that makes a validate run one particle number of a study handed to a sweep (TaskEstimate knows it too). */
    static final String RUNS_TASK = "--runs-task";

    /** The key whose value a task of 'validate --engine slurm' runs: its particle number. */
    static final String TASK_KEY = "particles.n";

    @Override
    public Integer call() {
        long start = System.nanoTime();
        if (merge) {
            return ValidateMerge.run(options, spec, start);
        }
        if (particles == null) {
            throw new ProblemException("--particles", "give the particle numbers, e.g. --particles 1000,4000,16000");
        }
        engine.check(runsTask, RUNS_TASK);
        int[] n = particleNumbers(particles);
        if (seeds < 1) {
            throw new ProblemException("--seeds", "must be at least 1, got " + seeds);
        }
        ValidationStudy.Kernel chosen = switch (kernel) {
            case "limit" -> ValidationStudy.Kernel.LIMIT;
            case "network" -> ValidationStudy.Kernel.NETWORK;
            case "both" -> ValidationStudy.Kernel.BOTH;
            default -> throw new ProblemException("--kernel", "must be limit, network or both, got '" + kernel + "'");
        };
        Problem problem = options.readProblem();
        boolean slurm = engine.slurm();
        OutputDirectory out = slurm ? null : options.output(problem.source().name(), "validate");
        double[] t = comparisonTimes(times, problem.time().end());
        List<String> treeSpecs = trees == null || trees.isBlank() ? List.of()
                : Arrays.stream(trees.split(";")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        ValidationStudy.Settings settings = new ValidationStudy.Settings(n, seeds, chosen, t, options.threadCount(),
                options.quiet, treeSpecs);
        ValidationStudy study = new ValidationStudy(problem, settings, options);
        if (slurm) {
            return submit(problem, n);
        }
        if (runsTask) {
            return runTask(study, problem, n, out, start);
        }
        ValidationStudy.Outcome outcome = study.run(spec.commandLine().getErr());
        return finish(outcome, settings, problem, out, start);
    }

    /** Table on stdout, files and summary.json into {@code out}; the exit status. */
    int finish(ValidationStudy.Outcome outcome, ValidationStudy.Settings settings, Problem problem, OutputDirectory out,
            long start) {
        if (outcome == null) {
            return Main.NUMERICAL_FAILURE;
        }
        ValidationReport report = new ValidationReport(outcome, settings);
        report.print(spec.commandLine().getOut());
        report.write(out.create(), problem, start);
        return 0;
    }

    /** The settings as given (for --merge, which rebuilds the study from the stored options). */
    ValidationStudy.Settings settings(Problem problem) {
        List<String> treeSpecs = trees == null || trees.isBlank() ? List.of()
                : Arrays.stream(trees.split(";")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        ValidationStudy.Kernel chosen = ValidationStudy.Kernel.valueOf(kernel.toUpperCase(java.util.Locale.ROOT));
        return new ValidationStudy.Settings(particleNumbers(particles), seeds, chosen,
                comparisonTimes(times, problem.time().end()), 1, true, treeSpecs);
    }

    /**
     * --runs-task: the seeds of N = particles.n (which must be one of --particles), the smallest N also
     * the continua; runs.bin and summary.json written. Failed seeds and a failed continuum are results
     * of the study (the merge reports them), not a failed task.
     */
    private int runTask(ValidationStudy study, Problem problem, int[] n, OutputDirectory out, long start) {
        int own = problem.particles().n();
        if (Arrays.stream(n).noneMatch(x -> x == own)) {
            throw new ProblemException(RUNS_TASK, TASK_KEY + " = " + own + " is not one of --particles " + particles);
        }
        ValidationStudy.TaskResult result = study.runTask(own, own == n[0], spec.commandLine().getErr());
        java.nio.file.Path dir = out.create();
        ValidateTaskFile.write(dir.resolve(ValidateTaskFile.FILE), result);
        java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("particles", own);
        summary.put("seeds", seeds);
        List<String> failures = new java.util.ArrayList<>();
        for (int s = 0; s < result.runs().size(); s++) {
            if (result.runs().get(s).failure() != null) {
                failures.add("seed " + (s + 1) + ": " + result.runs().get(s).failure());
            }
        }
        summary.put("failed_seeds", failures.size());
        if (!failures.isEmpty()) {
            summary.put("failures", failures);
        }
        if (result.continua() != null) {
            summary.put("continua", true);
            if (result.continua().limitFailure() != null) {
                summary.put("failure", result.continua().limitFailure());
            }
        }
        summary.put("files", List.of(ValidateTaskFile.FILE, "summary.json"));
        RunSummary.write(dir.resolve("summary.json"), "validate", problem.source().name(), problem.model().name(), start,
                problem.source().tree(), summary);
        return 0;
    }

    /** --engine slurm: one sweep task per particle number (particles.n set, --runs-task), submitted as a job array. */
    private int submit(Problem problem, int[] n) {
        List<String> values = Arrays.stream(n).mapToObj(String::valueOf).toList();
        List<String> arguments = new java.util.ArrayList<>(List.of("--particles", String.join(",", values),
                "--kernel", kernel));
        if (times != null) {
            arguments.addAll(List.of("--times", times));
        }
        if (trees != null && !trees.isBlank()) {
            arguments.addAll(List.of("--trees", trees));
        }
        arguments.add(RUNS_TASK);
        List<String> overrides = new java.util.ArrayList<>(options.overrides);
        if (options.format != null) {
            overrides.add("output.format=" + options.format);
        }
        java.nio.file.Path dir = options.out != null ? options.out : java.nio.file.Path.of("runs", problem.source().name()
                + "-validate-" + java.time.LocalDateTime.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        java.io.PrintWriter out = spec.commandLine().getOut();
        int status = meanfield.app.sweep.StudySweep.submit(options.problem, "validate", TASK_KEY, values, "1-" + seeds,
                overrides, arguments, dir, engine.shards, engine.slurmOptions, engine.dryRun, out);
        out.println("validate: once every task is done, 'meanfield validate --merge " + dir + "' computes the table,"
                + " fits and plots into " + dir.resolve("study"));
        return status;
    }

    /** --particles as whole numbers of at least 2, increasing. */
    static int[] particleNumbers(String list) {
        String[] parts = list.trim().isEmpty() ? new String[0] : list.split(",");
        if (parts.length == 0) {
            throw new ProblemException("--particles", "give at least one particle number, e.g. 1000,4000,16000");
        }
        int[] n = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double value;
            try {
                value = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ProblemException("--particles", "'" + parts[i].trim() + "' is not a number");
            }
            if (value != Math.rint(value) || value < 2 || value > Integer.MAX_VALUE) {
                throw new ProblemException("--particles", "each particle number must be a whole number of at least 2,"
                        + " got " + parts[i].trim());
            }
            n[i] = (int) value;
        }
        int[] sorted = n.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new ProblemException("--particles", "N = " + sorted[i] + " is given twice");
            }
        }
        return sorted;
    }

    /** --times in [0, time.end], or time.end alone. */
    static double[] comparisonTimes(String list, double end) {
        if (list == null) {
            return new double[] {end};
        }
        String[] parts = list.trim().isEmpty() ? new String[0] : list.split(",");
        if (parts.length == 0) {
            throw new ProblemException("--times", "give at least one time in [0, " + end + "]");
        }
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                t[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ProblemException("--times", "'" + parts[i].trim() + "' is not a number");
            }
            if (!(t[i] >= 0 && t[i] <= end)) {
                throw new ProblemException("--times", parts[i].trim() + " lies outside [0, time.end = " + end + "]");
            }
        }
        return t;
    }
}
