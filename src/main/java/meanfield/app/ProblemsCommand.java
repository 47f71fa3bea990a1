package meanfield.app;

import java.util.concurrent.Callable;

import meanfield.app.problem.ProblemSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meanfield problems}: the built-in problems with their one-line descriptions. */
@Command(name = "problems", mixinStandardHelpOptions = true, description = "Lists the built-in problems.")
final class ProblemsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String name : ProblemSource.BUILT_IN) {
            String first = ProblemSource.builtInText(name).lines().findFirst().orElse("");
            spec.commandLine().getOut().printf("%-10s %s%n", name, first.replaceFirst("^#\\s*", ""));
        }
        return 0;
    }
}
