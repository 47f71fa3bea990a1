package meanfield.app;

import java.util.List;

import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of {@code converge --refine particles} that the other studies do not have, and the
 * check of those they do have but this one cannot use (the reference is the continuum solve, the
 * distance is fixed per model).
 */
final class ParticleStudyOptions {
    /** The --refine value that selects the particle-number study. */
    static final String KEY = "particles";

    @Option(names = "--seeds", paramLabel = "K",
            description = "With --refine particles: seeds 1..K per particle number (default 4).")
    Integer seeds;

    /** Refuses --seeds in a study of another key. */
    void refuseOutside(String key) {
        if (seeds != null) {
            throw new ProblemException("--seeds", "only a particle-number study (--refine particles) has seeds, not --refine "
                    + key);
        }
    }

    /** Runs the study, prints its table and writes its files; returns the exit status. */
    int execute(CommonOptions options, CommandSpec spec, int levels, double factor, Double from, long start) {
        ParticleStudy.Settings settings = settings(spec, levels, factor, from, options.threadCount(), options.quiet);
        Problem problem = options.readProblem();
        OutputDirectory out = options.output(problem.source().name(), "converge");
        ParticleStudy.Outcome outcome = new ParticleStudy(problem, settings).run(spec.commandLine().getErr());
        if (outcome == null) {
            return Main.NUMERICAL_FAILURE;
        }
        ParticleStudyReport report = new ParticleStudyReport(outcome, settings);
        report.print(spec.commandLine().getOut());
        report.write(out.create(), problem, start);
        return 0;
    }

    /** The study's settings from the shared options; options that do not apply to it are refused by name. */
    ParticleStudy.Settings settings(CommandSpec spec, int levels, double factor, Double from, int threads, boolean quiet) {
        for (String option : List.of("--reference", "--norm", "--quantity")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ProblemException(option, "a particle-number study measures each model's particle-versus-"
                        + "continuum distance against the continuum solve; " + option + " does not apply to it");
            }
        }
        int k = seeds == null ? 4 : seeds;
        if (k < 1) {
            throw new ProblemException("--seeds", "must be at least 1, got " + k);
        }
        if (levels < 2) {
            throw new ProblemException("--levels", "a fitted exponent needs at least 2 particle numbers, got " + levels);
        }
        if (!(factor > 1) || factor != Math.rint(factor) || Double.isInfinite(factor)) {
            throw new ProblemException("--factor", "particle numbers grow by a whole factor above 1, got " + factor);
        }
        if (from != null && (from < 2 || from != Math.rint(from) || from > Integer.MAX_VALUE)) {
            throw new ProblemException("--from", "the smallest particle number must be a whole number of at least 2, got "
                    + from);
        }
        return new ParticleStudy.Settings(levels, factor, from == null ? null : (int) (double) from, k, threads, quiet);
    }
}
