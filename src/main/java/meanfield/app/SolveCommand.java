package meanfield.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import meanfield.app.output.NifPlots;
import meanfield.app.output.NifSolutionFile;
import meanfield.app.output.RunSummary;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.nif.NifSolver;
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
        NifProblem nif = problem.nif();
        String name = problem.source().name();
        Path dir = options.outputDirectory(name, "solve");
        createDirectory(dir);
        NifSolution solution;
        try (Progress progress = new Progress("solve " + name, nif.time().end(), options.quiet)) {
            solution = new NifSolver(nif.model(), nif.v(), nif.labels(), nif.time()).solve(threads, progress);
        } catch (InvalidModelException e) {
            throw new ProblemException(NifProblem.keyOf(e.part()), e.getMessage());
        }
        String yaml = problem.source().toYaml();
        NifSolutionFile.write(dir.resolve("solution.h5"), solution, yaml, Version.current());
        List<Path> plots = NifPlots.write(dir, solution);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("solver", nif.solver());
        summary.put("t_end", solution.outputCount() == 0 ? 0.0 : solution.time(solution.outputCount() - 1));
        summary.put("steps", solution.steps());
        summary.put("rejected_steps", solution.rejectedSteps());
        summary.put("mass_error_max", solution.massErrorMax());
        summary.put("min_density", solution.minDensity());
        summary.put("boundary_mass_max", solution.boundaryMassMax());
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("v_cells", nif.v().cells());
        grid.put("xi_cells", nif.labels().cells());
        summary.put("grid", grid);
        summary.put("threads", threads);
        summary.put("completed", solution.failure().isEmpty());
        solution.failure().ifPresent(f -> summary.put("failure", f));
        summary.put("files", plots.stream().map(p -> p.getFileName().toString()).toList());
        RunSummary.write(dir.resolve("summary.json"), "solve", name, problem.model(), start, problem.source().tree(),
                summary);

        if (solution.failure().isPresent()) {
            spec.commandLine().getErr().println("numerical failure: " + solution.failure().get()
                    + "; the outputs up to t = " + summary.get("t_end") + " are in " + dir);
            return Main.NUMERICAL_FAILURE;
        }
        spec.commandLine().getOut().printf("solved %s to t = %s in %d steps (%.2f s); outputs in %s%n", name,
                summary.get("t_end"), solution.steps(), (System.nanoTime() - start) * 1e-9, dir);
        return 0;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + dir, e);
        }
    }
}
