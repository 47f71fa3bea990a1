package meanfield.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meanfield simulate PROBLEM}: runs the particle system, streaming particles.h5, then plots and summary.json. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Runs the particle system of a problem.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--particles", paramLabel = "N", description = "Number of particles (default: particles.n).")
    Integer particles;

    @Option(names = {"--seed", "--seeds"}, paramLabel = "S[,S...]", split = ",",
            description = "Seed, or several: one run and one particles_seed<S>.h5 each (default: particles.seed).")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--checkpoint-every", paramLabel = "T",
            description = "Write a checkpoint (per seed) at the first output time T (simulated time) after the last one,"
                    + " and at the end; 'meanfield resume DIR' continues from it.")
    Double checkpointEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Problem problem = options.readProblem();
        int n = particles != null ? particles : problem.particles().n();
        if (n < 1) {
            throw new ProblemException("--particles", "must be at least 1, got " + n);
        }
        if (checkpointEvery != null && !(checkpointEvery > 0)) {
            throw new ProblemException("--checkpoint-every", "must be positive, got " + checkpointEvery);
        }
        List<Long> runSeeds = seeds.isEmpty() ? List.of(problem.particles().seed()) : List.copyOf(seeds);
        if (new HashSet<>(runSeeds).size() != runSeeds.size()) {
            // A seed twice is the same run twice, and both would write particles_seed<S>.h5.
            throw new ProblemException("--seeds", "each seed may be given once, got " + runSeeds);
        }
        int threads = options.threadCount();
        OutputDirectory out = options.output(problem.source().name(), "simulate");
        try {
            return new SimulateRun(problem, new RunDirectory(out.path()), n, runSeeds, threads, options.quiet,
                    checkpointEvery == null ? 0 : checkpointEvery)
                    .execute(false, start, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (ProblemException e) {
            out.discardIfNew();
            throw e;
        }
    }
}
