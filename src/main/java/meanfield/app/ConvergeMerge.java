package meanfield.app;

import java.nio.file.Path;
import java.util.List;

import meanfield.app.sweep.Dimension;
import meanfield.app.sweep.StudySweep;
import meanfield.app.sweep.SweepDefinition;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code converge --merge DIR}: the study of a {@code converge --engine slurm} directory, rebuilt
 * from its sweep.json (problem, --set, the study's options, the levels' values) and computed from
 * the levels' level.bin by the same code as a local study, so that its table, plot and summary.json
 * hold the local study's numbers; written into --out, by default DIR/study (DIR's own summary.json
 * belongs to 'sweep merge').
 */
final class ConvergeMerge {
    private ConvergeMerge() {
    }

    static int run(CommonOptions options, CommandSpec spec, long start) {
        Path dir = Path.of(options.problem);
        List<Path> runs = StudySweep.completedRuns(dir, "converge", ConvergeCommand.LEVEL_TASK, "--merge");
        SweepDefinition definition = StudySweep.definition(dir);
        Dimension levels = definition.dimensions().get(0);
        ConvergeCommand study = StudyEngineOptions.parseStudy(new ConvergeCommand(), dir, definition,
                ConvergeCommand.LEVEL_TASK, List.of("--levels", String.valueOf(levels.values().size()), "--from",
                        levels.values().get(0)), options, spec);
        return study.study(study.options.readProblem(), start,
                new ConvergeCommand.TaskLevels(runs, levels.values()));
    }
}
