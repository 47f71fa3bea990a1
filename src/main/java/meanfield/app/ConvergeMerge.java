package meanfield.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import meanfield.app.sweep.Dimension;
import meanfield.app.sweep.StudySweep;
import meanfield.app.sweep.SweepDefinition;
import picocli.CommandLine;
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
        List<String> args = new ArrayList<>(List.of(definition.problem()));
        for (String s : definition.overrides()) {
            args.add("--set");
            args.add(s);
        }
        for (String a : definition.arguments()) {
            if (!a.equals(ConvergeCommand.LEVEL_TASK)) {
                args.add(a);
            }
        }
        Path out = options.out != null ? options.out : dir.resolve("study");
        args.addAll(List.of("--levels", String.valueOf(levels.values().size()), "--from", levels.values().get(0),
                "--out", out.toString(), "--quiet"));
        if (options.overwrite) {
            args.add("--overwrite");
        }
        ConvergeCommand study = new ConvergeCommand();
        CommandLine line = new CommandLine(study);
        line.setOut(spec.commandLine().getOut());
        line.setErr(spec.commandLine().getErr());
        line.parseArgs(args.toArray(String[]::new));
        return study.study(study.options.readProblem(), start,
                new ConvergeCommand.TaskLevels(runs, levels.values()));
    }
}
