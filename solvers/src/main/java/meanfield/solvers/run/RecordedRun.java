package meanfield.solvers.run;

import java.util.List;
import java.util.function.DoubleConsumer;

import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.time.Scheme;
import meanfield.solvers.time.Schemes;
import meanfield.solvers.time.TimeControl;

/** A run whose outputs are kept in memory, with how it ended: for tests, studies and benchmarks. */
public record RecordedRun(RecordedResult result, RunOutcome outcome) {

    /** Runs the system with the named scheme (null: its default) and records every output. */
    public static RecordedRun of(SemiDiscretization system, String scheme, TimeControl control,
            DoubleConsumer progress) {
        String name = scheme != null ? scheme : system.defaultScheme();
        Scheme chosen = Schemes.named(name)
                .orElseThrow(() -> new IllegalArgumentException("no time scheme named " + name));
        RecordedResult result = new RecordedResult();
        RunOutcome outcome = new Driver(system, chosen, control, List.of()).withProgress(progress).run(result);
        return new RecordedRun(result, outcome);
    }
}
