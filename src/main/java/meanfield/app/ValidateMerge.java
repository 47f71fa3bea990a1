package meanfield.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.sweep.Dimension;
import meanfield.app.sweep.StudySweep;
import meanfield.app.sweep.SweepDefinition;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code validate --merge DIR}: the study of a {@code validate --engine slurm} directory, rebuilt
 * from its sweep.json (problem, --set, the study's options, seeds 1..K, the particle numbers) and
 * computed from the tasks' runs.bin by the same code as a local study, so that its table, fits,
 * validation.h5, plots and summary.json hold the local study's numbers; written into --out, by
 * default DIR/study (DIR's own summary.json belongs to 'sweep merge').
 */
final class ValidateMerge {
    private ValidateMerge() {
    }

    static int run(CommonOptions options, CommandSpec spec, long start) {
        Path dir = Path.of(options.problem);
        List<Path> runs = StudySweep.completedRuns(dir, "validate", ValidateCommand.RUNS_TASK, "--merge");
        SweepDefinition definition = StudySweep.definition(dir);
        Dimension numbers = definition.dimensions().get(0);
        if (!numbers.key().equals(ValidateCommand.TASK_KEY)) {
            throw new ProblemException("--merge", dir + " varies " + numbers.key() + ", not " + ValidateCommand.TASK_KEY);
        }
        ValidateCommand study = StudyEngineOptions.parseStudy(new ValidateCommand(), dir, definition,
                ValidateCommand.RUNS_TASK, List.of("--seeds", String.valueOf(definition.seeds().size())), options,
                spec);
        Problem problem = study.options.readProblem();
        OutputDirectory target = study.options.output(problem.source().name(), "validate");
        ValidationStudy.Settings settings = study.settings(problem);
        int[] n = settings.particles();
        if (n.length != runs.size()) {
            throw new ProblemException("--merge", dir + " has " + runs.size() + " task(s), the study "
                    + n.length + " particle numbers");
        }
        List<ValidationStudy.TaskResult> results = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            ValidationStudy.TaskResult r = ValidateTaskFile.read(runs.get(i).resolve(ValidateTaskFile.FILE));
            if (r.particles() != n[i] || !numbers.values().get(i).equals(String.valueOf(n[i]))
                    || r.runs().size() != settings.seeds()) {
                throw new ProblemException("--merge", "task " + numbers.values().get(i) + " ran N = " + r.particles()
                        + " with " + r.runs().size() + " seed(s); the study's N is " + n[i] + " with " + settings.seeds());
            }
            results.add(r);
        }
        ValidationStudy.Outcome outcome = new ValidationStudy(problem, settings, study.options)
                .merge(results, spec.commandLine().getErr());
        return study.finish(outcome, settings, problem, target, start);
    }
}
