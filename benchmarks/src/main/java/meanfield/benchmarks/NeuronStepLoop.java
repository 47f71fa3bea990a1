package meanfield.benchmarks;

import meanfield.validation.random.NormalZiggurat;
import meanfield.validation.random.SplitMix64;

/**
 * The yardstick of a NIF particle run (issue #12, item 3): the least any simulator of the same
 * network must do. For each of {@code steps} steps it draws one normal per neuron (the same
 * ziggurat and generator as {@code NifSimulator}) and does one multiply-add with it, then delivers
 * that step's share of the run's synaptic events, each an addition to a uniformly random target.
 * A real run also decides spikes, resets and reads its synapses from the network; this loop does
 * none of that, so the run's time over this one is the price of everything beyond the floor.
 */
final class NeuronStepLoop {
    private final int n;
    private final int steps;
    private final long events;

    /** A loop over {@code n} neurons and {@code steps} steps delivering {@code events} events in all. */
    NeuronStepLoop(int n, int steps, long events) {
        this.n = n;
        this.steps = steps;
        this.events = events;
    }

    /** Runs the loop once, on the calling thread; returns its wall time in seconds. */
    double seconds(long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[] v = new double[n];
        double noise = 0.01;
        double weight = 1e-4;
        long start = System.nanoTime();
        long delivered = 0;
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < n; i++) {
                v[i] += noise * NormalZiggurat.next(random);
            }
            // Spread the events evenly over the steps, the remainder on the last ones.
            long due = events * (s + 1) / steps;
            for (; delivered < due; delivered++) {
                // Lemire's multiply-shift: a bounded uniform int without a division.
                int target = (int) (((random.nextLong() >>> 32) * n) >>> 32);
                v[target] += weight;
            }
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        if (v[n / 2] == 42.0) {
            // Keeps v alive so that the JIT cannot drop the loop.
            System.out.print("");
        }
        return wall;
    }
}
