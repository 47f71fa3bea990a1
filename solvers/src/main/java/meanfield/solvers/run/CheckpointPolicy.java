package meanfield.solvers.run;

import java.util.function.Consumer;

/**
 * When a run hands out checkpoints: at the first output time at least {@code every} (simulated
 * time) after the previous one, and at the end of a run that completes, so that a finished run
 * can be continued to a later end.
 */
public record CheckpointPolicy(double every, Consumer<Checkpoint> destination) {
    public CheckpointPolicy {
        if (!(every > 0)) {
            throw new IllegalArgumentException("the checkpoint interval must be positive, got " + every);
        }
    }

    /** Whether the output at time t takes a checkpoint, the previous one being at {@code previous}. */
    public boolean due(double t, double previous, boolean finalOutput) {
        return finalOutput || t >= previous + every * (1 - 1e-9);
    }
}
