package meanfield.solvers.run;

/**
 * Everything a run needs to continue bit for bit from an output time: the state, the step
 * controller and the counters, and what each observer accumulated (in the order of the run's
 * observer list: the discretization's diagnostics first, then the caller's).
 *
 * @param time           the output time of the checkpoint
 * @param nextOutput     the index of the next output to reach (the output at {@code time} is {@code nextOutput - 1})
 * @param step           the step the controller will try next
 */
public record Checkpoint(double time, int nextOutput, double step, long accepted, long rejected, double[] state,
        double[][] observerStates) {
}
