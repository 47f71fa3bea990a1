package meanfield.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import meanfield.app.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code meanfield bench}: the benchmarks module's figures, each beside its yardstick, with the machine and the commit. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the JMH and whole-run benchmarks (benchmarks/target/benchmarks.jar, built if missing or stale)"
                + " one at a time and writes benchmarks.json and BENCHMARKS.md. Needs the source checkout.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Smoke run: every benchmark once at its smallest size (under 2 minutes).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench",
            description = "Folder for benchmarks.json, BENCHMARKS.md, the raw results and the logs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return Bench.run(quick, out, spec.commandLine().getOut());
    }
}
