package meanfield.app;

import java.util.concurrent.Callable;

import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meanfield solve PROBLEM}: solves the limit equation, streaming solution.h5, then plots and summary.json. */
@Command(name = "solve", mixinStandardHelpOptions = true, description = "Solves the limit equation of a problem.")
final class SolveCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--checkpoint-every", paramLabel = "T",
            description = "Write a checkpoint at the first output time T (simulated time) after the last one, and at the end;"
                    + " 'meanfield resume DIR' continues from it.")
    Double checkpointEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Problem problem = options.readProblem();
        if (checkpointEvery != null && !(checkpointEvery > 0)) {
            throw new ProblemException("--checkpoint-every", "must be positive, got " + checkpointEvery);
        }
        int threads = options.threadCount();
        OutputDirectory out = options.output(problem.source().name(), "solve");
        try {
            return new SolveRun(problem, new RunDirectory(out.path()), threads, options.quiet,
                    checkpointEvery == null ? 0 : checkpointEvery)
                    .execute(null, start, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (ProblemException e) {
            out.discardIfNew();
            throw e;
        }
    }
}
