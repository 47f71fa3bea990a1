package meanfield.app;

import java.util.Map;
import java.util.Optional;

/**
 * What a solve run hands back to the command after writing its files: its own summary.json
 * entries, how far it got, and why it stopped early if it did.
 */
record RunResult(Map<String, Object> summary, double timeReached, int steps, Optional<String> failure) {
}
