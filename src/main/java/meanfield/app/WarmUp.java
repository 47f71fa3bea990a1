package meanfield.app;

import java.util.Set;

import meanfield.app.formula.Formula;
import meanfield.app.output.Charts;

/**
 * Loads the formula compiler, the JSON writer and the plotting classes on a daemon thread while the command reads its
 * problem and computes: a short run spends about a second of its whole time loading them, first when
 * the formulas compile and again before the first plot, and a run on one thread leaves the second
 * core idle. Only for the commands that compile formulas and plot; the numbers do not depend on it.
 */
final class WarmUp {
    private static final Set<String> COMMANDS = Set.of("solve", "simulate", "validate", "stationary", "resume",
            "converge");

    private WarmUp() {
    }

    static void startFor(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return;
        }
        Thread thread = new Thread(() -> {
            Formula.warmUp();
            try {
                // run.json and summary.json are written through Jackson, the first right after the problem is read.
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(java.util.Map.of("warm-up", java.util.List.of(1.0, "a")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            Charts.warmUp();
        }, "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
