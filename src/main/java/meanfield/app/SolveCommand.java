package meanfield.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import meanfield.app.output.RunSummary;
import meanfield.app.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code meanfield solve PROBLEM}: solves the limit equation and writes solution.h5, plots, summary.json. */
@Command(name = "solve", mixinStandardHelpOptions = true, description = "Solves the limit equation of a problem.")
final class SolveCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Problem problem = options.readProblem();
        int threads = options.threadCount();
        String name = problem.source().name();
        Path dir = options.outputDirectory(name, "solve");
        String yaml = problem.source().toYaml();
        RunResult result;
        try (Progress progress = new Progress("solve " + name, problem.time().end(), options.quiet)) {
            result = switch (problem.model()) {
                case "nif" -> NifRun.solve(problem.nif(), dir, threads, progress, yaml);
                case "topo" -> TopoRun.solve(problem.topo(), dir, threads, progress, yaml);
                default -> MvRun.solve(problem.mv(), dir, threads, progress, yaml);
            };
        }
        result.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        Map<String, Object> summary = new LinkedHashMap<>(result.summary());
        if (!result.warnings().isEmpty()) {
            summary.put("warnings", result.warnings());
        }
        summary.put("threads", threads);
        summary.put("completed", result.failure().isEmpty());
        result.failure().ifPresent(f -> summary.put("failure", f));
        RunSummary.write(dir.resolve("summary.json"), "solve", name, problem.model(), start, problem.source().tree(),
                summary);
        if (result.failure().isPresent()) {
            spec.commandLine().getErr().println("numerical failure: " + result.failure().get()
                    + "; the outputs up to t = " + result.timeReached() + " are in " + dir);
            return Main.NUMERICAL_FAILURE;
        }
        spec.commandLine().getOut().printf("solved %s to t = %s in %d steps (%.2f s); outputs in %s%n", name,
                result.timeReached(), result.steps(), (System.nanoTime() - start) * 1e-9, dir);
        return 0;
    }
}
