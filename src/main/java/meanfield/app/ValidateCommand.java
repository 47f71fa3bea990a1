package meanfield.app;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

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

    @Option(names = "--particles", required = true, paramLabel = "N1,N2,...",
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
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
        OutputDirectory out = options.output(problem.source().name(), "validate");
        double[] t = comparisonTimes(times, problem.time().end());
        List<String> treeSpecs = trees == null || trees.isBlank() ? List.of()
                : Arrays.stream(trees.split(";")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        ValidationStudy.Settings settings = new ValidationStudy.Settings(n, seeds, chosen, t, options.threadCount(),
                options.quiet, treeSpecs);
        ValidationStudy.Outcome outcome = new ValidationStudy(problem, settings, options).run(spec.commandLine().getErr());
        if (outcome == null) {
            return Main.NUMERICAL_FAILURE;
        }
        ValidationReport report = new ValidationReport(outcome, settings);
        report.print(spec.commandLine().getOut());
        report.write(out.create(), problem, start);
        return 0;
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
