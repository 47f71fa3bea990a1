/**
 * The time-stepped NIF network of MODEL.md 1.1 (Euler–Maruyama, escape-noise spikes or a hard
 * threshold, jumps along outgoing edges, resets) and its binned firing rates, handed to a result
 * sink window by window, with checkpoints from which a run continues bit for bit.
 */
package meanfield.validation.nif;
