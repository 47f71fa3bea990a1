package meanfield.app;

import java.util.concurrent.Callable;

import meanfield.app.problem.ProblemException;
import meanfield.app.problem.ProblemSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meanfield problems}: the built-in problems with their one-line descriptions, or one of them in full. */
@Command(name = "problems", mixinStandardHelpOptions = true,
        description = "Lists the built-in problems; --show NAME prints one as YAML, to copy into a file and edit.")
final class ProblemsCommand implements Callable<Integer> {
    @Option(names = "--show", paramLabel = "NAME", description = "Print this built-in problem's YAML file.")
    String show;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (show != null) {
            if (!ProblemSource.BUILT_IN.contains(show)) {
                throw new ProblemException("--show", "'" + show + "' is not a built-in problem (built-in: "
                        + String.join(", ", ProblemSource.BUILT_IN) + ")");
            }
            // The file as shipped, comments included: it is the starting point of the user's own problem.
            spec.commandLine().getOut().print(ProblemSource.builtInText(show));
            spec.commandLine().getOut().flush();
            return 0;
        }
        int width = ProblemSource.BUILT_IN.stream().mapToInt(String::length).max().orElse(10);
        for (String name : ProblemSource.BUILT_IN) {
            String first = ProblemSource.builtInText(name).lines().findFirst().orElse("");
            spec.commandLine().getOut().printf("%-" + width + "s  %s%n", name, first.replaceFirst("^#\\s*", ""));
        }
        return 0;
    }
}
