/**
 * The time-stepped NIF network of MODEL.md 1.1 (Euler–Maruyama, escape-noise spikes or a hard
 * threshold, jumps along outgoing edges, resets) and its binned firing rates.
 */
package meanfield.validation.nif;
