package meanfield.app;

import java.nio.file.Path;
import java.util.List;

import meanfield.app.output.ColourRanges;
import meanfield.app.output.FieldPlots;
import meanfield.app.output.NifPlots;
import meanfield.app.output.TopoPlots;
import meanfield.app.problem.ModelProblem;
import meanfield.app.problem.MvProblem;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.TopoProblem;
import meanfield.solvers.mv.MvSolution;
import meanfield.solvers.nif.NifSolution;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.topo.TopoSolution;

/** The plots and user warnings of a solution, per model. */
final class SolutionPlots {
    /** Mass in the outermost cells above which the truncation of the v domain is reported. */
    static final double BOUNDARY_MASS_WARNING = 1e-6;

    private SolutionPlots() {
    }

    static List<Path> write(ModelProblem problem, Path dir, RecordedRun run, ColourRanges colours) {
        if (run.result().outputCount() == 0) {
            return List.of();
        }
        if (problem instanceof NifProblem nif) {
            return NifPlots.write(dir, new NifSolution(nif.v(), nif.labels(), run), colours);
        }
        if (problem instanceof TopoProblem topo) {
            return TopoPlots.write(dir, new TopoSolution(topo.model().dimension(), topo.model().velocities(), run), colours);
        }
        MvProblem mv = (MvProblem) problem;
        MvSolution s = new MvSolution(mv.grid(), run);
        return FieldPlots.rho(dir.resolve("rho"), mv.grid().dimension(), mv.grid().nodes(), s.times(), s::density, colours);
    }

    static List<String> warnings(ModelProblem problem, RecordedRun run) {
        Object boundary = run.outcome().summary().get("boundary_mass_max");
        if (problem instanceof NifProblem && boundary instanceof Double mass && mass > BOUNDARY_MASS_WARNING) {
            return List.of("the outermost v cells held mass up to " + mass
                    + ": the zero-flux ends of grid.v are felt; widen grid.v");
        }
        return List.of();
    }
}
