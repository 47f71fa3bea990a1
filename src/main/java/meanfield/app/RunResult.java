package meanfield.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a solve run hands back to the command after writing its files: its own summary.json
 * entries, how far it got, why it stopped early if it did, and warnings for the user.
 */
record RunResult(Map<String, Object> summary, double timeReached, int steps, Optional<String> failure,
        List<String> warnings) {
}
