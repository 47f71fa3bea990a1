package meanfield.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import meanfield.app.output.TopoPlots;
import meanfield.app.output.TopoSolutionFile;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.TopoProblem;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.topo.TopoSolution;
import meanfield.solvers.topo.TopoSolver;

/** solve for model topo: the run, solution.h5 and its plots. */
final class TopoRun {
    private TopoRun() {
    }

    static RunResult solve(TopoProblem topo, Path dir, int threads, DoubleConsumer progress, String yaml) {
        TopoSolution solution;
        try {
            solution = new TopoSolver(topo.model(), topo.method(), topo.n(), topo.time()).solve(threads, progress);
        } catch (InvalidModelException e) {
            throw new ProblemException(TopoProblem.keyOf(e.part()), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProblemException("time.dt", e.getMessage());
        }
        TopoSolutionFile.write(dir.resolve("solution.h5"), solution, yaml, Version.current());
        List<Path> plots = TopoPlots.write(dir, solution);
        double reached = solution.time(solution.outputCount() - 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("solver", topo.solver());
        summary.put("t_end", reached);
        summary.put("steps", solution.steps());
        summary.put("mass_error_max", solution.massErrorMax());
        summary.put("min_density", solution.minDensity());
        summary.put("rank_weight_raw_integral", topo.model().weight().rawIntegral());
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("dimension", topo.model().dimension());
        grid.put("x_cells", topo.n());
        grid.put("velocities", topo.model().velocityCount());
        summary.put("grid", grid);
        summary.put("files", plots.stream().map(p -> p.getFileName().toString()).toList());
        return new RunResult(summary, reached, solution.steps(), solution.failure(), List.of());
    }
}
