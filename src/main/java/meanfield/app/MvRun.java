package meanfield.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import meanfield.app.output.MvSolutionFile;
import meanfield.app.output.FieldPlots;
import meanfield.app.problem.MvProblem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.mv.MvSolution;
import meanfield.solvers.mv.MvSolver;

/** solve for model mv: the pseudo-spectral run, solution.h5 and its plots. */
final class MvRun {
    private MvRun() {
    }

    static RunResult solve(MvProblem mv, Path dir, int threads, DoubleConsumer progress, String yaml) {
        MvSolution solution;
        try {
            solution = new MvSolver(mv.model(), mv.grid(), mv.time()).solve(threads, progress);
        } catch (InvalidModelException e) {
            throw new ProblemException(MvProblem.keyOf(e.part()), e.getMessage());
        }
        MvSolutionFile.write(dir.resolve("solution.h5"), solution, yaml, Version.current());
        List<Path> plots = FieldPlots.rho(dir.resolve("rho"), mv.grid().dimension(), mv.grid().nodes(), solution.times(),
                solution::density);
        double reached = solution.time(solution.outputCount() - 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("solver", "spectral");
        summary.put("t_end", reached);
        summary.put("steps", solution.steps());
        summary.put("dt", solution.step());
        summary.put("mass_error_max", solution.massErrorMax());
        summary.put("min_density", solution.minDensity());
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("dimension", mv.grid().dimension());
        grid.put("x_cells", mv.grid().n());
        summary.put("grid", grid);
        summary.put("files", plots.stream().map(p -> p.getFileName().toString()).toList());
        return new RunResult(summary, reached, solution.steps(), solution.failure(), List.of());
    }
}
