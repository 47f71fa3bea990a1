package meanfield.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of a sweep: its index in the task list, its name (the directory under {@code tasks/}),
 * the value of every varied key and the seed of a simulate sweep (null otherwise).
 */
public record SweepTask(int index, String name, Map<String, String> values, Long seed) {
    public SweepTask {
        values = new LinkedHashMap<>(values);
    }

    /**
     * The command line that runs this task alone: the sweep's command into {@code runDirectory}, one
     * worker thread (so that the result is bit-identical to the same task run on its own, whatever
     * the pool), the sweep's --set, then the varied values (last, so they win), then the command's
     * own options.
     */
    List<String> commandLine(SweepDefinition definition, Path runDirectory) {
        List<String> args = new ArrayList<>(List.of(definition.command(), definition.problem(), "--out",
                runDirectory.toString(), "--threads", "1", "--quiet"));
        for (String s : definition.overrides()) {
            args.add("--set");
            args.add(s);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            args.add("--set");
            args.add(v.getKey() + "=" + v.getValue());
        }
        if (seed != null) {
            args.add("--seed");
            args.add(String.valueOf(seed));
        } else if (definition.command().equals("validate") && !definition.seeds().isEmpty()) {
            // validate runs seeds 1..K itself and fits over them: --seeds 1-K is handed over whole.
            args.add("--seeds");
            args.add(String.valueOf(definition.seeds().size()));
        }
        args.addAll(definition.arguments());
        return args;
    }
}
