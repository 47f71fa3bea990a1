package meanfield.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import meanfield.app.output.RunSummary;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meanfield simulate PROBLEM}: runs the particle system and writes particles.h5, plots, summary.json. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Runs the particle system of a problem.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--particles", paramLabel = "N", description = "Number of particles (default: particles.n).")
    Integer particles;

    @Option(names = {"--seed", "--seeds"}, paramLabel = "S[,S...]", split = ",",
            description = "Seed, or several: one run and one particles_seed<S>.h5 each (default: particles.seed).")
    List<Long> seeds = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Problem problem = options.readProblem();
        int threads = options.threadCount();
        int n = particles != null ? particles : problem.particles().n();
        if (n < 1) {
            throw new ProblemException("--particles", "must be at least 1, got " + n);
        }
        List<Long> runSeeds = seeds.isEmpty() ? List.of(problem.particles().seed()) : seeds;
        String name = problem.source().name();
        Path dir = options.outputDirectory(name, "simulate");
        List<Map<String, Object>> runs = new ArrayList<>();
        String failure = null;
        for (long seed : runSeeds) {
            String file = runSeeds.size() == 1 ? "particles.h5" : "particles_seed" + seed + ".h5";
            try (Progress progress = new Progress("simulate " + name + " seed " + seed, problem.time().end(),
                    options.quiet)) {
                Map<String, Object> run = problem.model() instanceof meanfield.app.problem.NifProblem
                        ? NifParticles.simulate(problem, n, seed, threads, dir, file, progress)
                        : FieldParticles.simulate(problem, n, seed, threads, dir, file, progress);
                runs.add(run);
                if (run.containsKey("failure")) {
                    failure = (String) run.get("failure");
                    break;
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("particles", n);
        summary.put("seeds", runSeeds);
        summary.put("threads", threads);
        summary.put("runs", runs);
        summary.put("completed", failure == null);
        RunSummary.write(dir.resolve("summary.json"), "simulate", name, problem.model().name(), start, problem.source().tree(),
                summary);
        if (failure != null) {
            spec.commandLine().getErr().println("numerical failure: " + failure + "; the outputs reached are in " + dir);
            return Main.NUMERICAL_FAILURE;
        }
        spec.commandLine().getOut().printf("simulated %s with %d particles, %d seed(s) (%.2f s); outputs in %s%n", name,
                n, runSeeds.size(), (System.nanoTime() - start) * 1e-9, dir);
        return 0;
    }
}
