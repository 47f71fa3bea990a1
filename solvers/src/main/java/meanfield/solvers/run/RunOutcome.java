package meanfield.solvers.run;

import java.util.Map;
import java.util.Optional;

/**
 * How a run ended: the last output time reached, the steps taken, why it stopped early if it did,
 * and the observers' summary (mass error, minimum density, ...) in the order they were added.
 *
 * @param fixedStep the longest step of a fixed-step run (output intervals are split into equal
 *                  steps no longer than the fixed or default step), or NaN when the step was adaptive
 */
public record RunOutcome(double timeReached, int outputsReached, double fixedStep, long steps, long rejectedSteps,
        Optional<String> failure, Map<String, Object> summary) {
}
