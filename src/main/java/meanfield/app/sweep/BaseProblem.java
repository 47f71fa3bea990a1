package meanfield.app.sweep;

import java.nio.file.Path;
import java.util.Map;

import meanfield.app.output.DataFormat;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemSource;

/**
 * The sweep's problem with its --set but no varied value: the model and resolved problem summary.json
 * reports, and the format of the sweep's data file ({@code output.format}).
 */
record BaseProblem(String model, Map<String, Object> resolved, DataFormat format) {

    static BaseProblem of(SweepDefinition definition) {
        // A problem file's relative paths (kernel files) are taken from its folder, as when it was loaded.
        Path file = Path.of(definition.problem());
        Path directory = file.isAbsolute() ? file.getParent() : Path.of("").toAbsolutePath();
        ProblemSource source = ProblemSource.fromText(definition.problem(), directory, definition.problemText());
        definition.overrides().forEach(source::set);
        Problem problem = Problem.read(source);
        return new BaseProblem(problem.model().name(), source.tree(), problem.output().format());
    }
}
