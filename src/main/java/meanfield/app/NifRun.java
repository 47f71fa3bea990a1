package meanfield.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import meanfield.app.output.NifPlots;
import meanfield.app.output.NifSolutionFile;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.nif.NifSolver;

/** solve for model nif: the finite-volume run, solution.h5 and its plots. */
final class NifRun {
    /** Mass in the outermost cells above which the truncation of the v domain is reported. */
    private static final double BOUNDARY_MASS_WARNING = 1e-6;
    private NifRun() {
    }

    static RunResult solve(NifProblem nif, Path dir, int threads, DoubleConsumer progress, String yaml) {
        NifSolution solution;
        try {
            solution = new NifSolver(nif.model(), nif.v(), nif.labels(), nif.time()).solve(threads, progress);
        } catch (InvalidModelException e) {
            throw new ProblemException(NifProblem.keyOf(e.part()), e.getMessage());
        }
        NifSolutionFile.write(dir.resolve("solution.h5"), solution, yaml, Version.current());
        List<Path> plots = NifPlots.write(dir, solution);
        double reached = solution.time(solution.outputCount() - 1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("solver", nif.solver());
        summary.put("t_end", reached);
        summary.put("steps", solution.steps());
        summary.put("rejected_steps", solution.rejectedSteps());
        summary.put("mass_error_max", solution.massErrorMax());
        summary.put("min_density", solution.minDensity());
        summary.put("boundary_mass_max", solution.boundaryMassMax());
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("v_cells", nif.v().cells());
        grid.put("xi_cells", nif.labels().cells());
        summary.put("grid", grid);
        summary.put("files", plots.stream().map(p -> p.getFileName().toString()).toList());
        List<String> warnings = solution.boundaryMassMax() > BOUNDARY_MASS_WARNING
                ? List.of("the outermost v cells held mass up to " + solution.boundaryMassMax()
                        + ": the zero-flux ends of grid.v are felt; widen grid.v")
                : List.of();
        return new RunResult(summary, reached, solution.steps(), solution.failure(), warnings);
    }
}
