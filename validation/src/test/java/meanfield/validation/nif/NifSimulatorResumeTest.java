package meanfield.validation.nif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.TeeSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.validation.network.Connectivity;
import meanfield.validation.network.WeightMatrix;

/**
 * Checkpoints and resumption: a run continued from a checkpoint, on any thread count and to the same
 * or a later end, gives every output bit for bit as the run made at once.
 */
class NifSimulatorResumeTest {
    private static final UniformGrid RANGE = new UniformGrid(-1.5, 2.5, 400);
    private static final int N = 2000;
    private static final double DT = 1e-3;
    private static final double WINDOW = 0.02;
    private static final double END = 0.3;
    private static final int WINDOWS = 15;
    private static final SynapticKernel KERNEL =
            new SynapticKernel.Function((xi, zeta) -> 0.5 + 0.4 * Math.sin(2 * Math.PI * (xi - zeta)));
    /** On one thread: a worker calling the kernel, a lambda of this class, would wait for this class's initialization. */
    private static final WeightMatrix NETWORK = WeightMatrix.sample(N, KERNEL, new Connectivity.ErdosRenyi(40), 3, 1);

    /**
     * Escape noise (thinning against the sigmoid's bound, or time rescaling without it) and a hard
     * threshold crossed inside steps (Brownian bridge): every kind of per-neuron state and draw.
     */
    private static NifModel model(boolean bounded) {
        FiringRate sigmoid = FiringRate.sigmoid(5, 1, 0.2);
        return new NifModel(0.0, 0.1, Drift.autonomous((v, xi) -> -v + 1.2 + 0.2 * xi),
                bounded ? sigmoid : sigmoid::value, OptionalDouble.of(1.1), KERNEL, (v, xi) -> Math.exp(-0.5 * Math.pow((v - 0.5) / 0.2, 2)));
    }

    private static NifSimulator simulator(boolean bounded, double end) {
        return new NifSimulator(model(bounded), NETWORK, RANGE, new NifSimulator.Settings(end, DT, WINDOW, 5, 11));
    }

    private static final class Checkpoints {
        final List<Checkpoint> taken = new ArrayList<>();

        CheckpointPolicy every(double interval) {
            return new CheckpointPolicy(interval, taken::add);
        }

        Checkpoint nearest(double t) {
            Checkpoint best = taken.get(0);
            for (Checkpoint c : taken) {
                best = Math.abs(c.time() - t) < Math.abs(best.time() - t) ? c : best;
            }
            return best;
        }
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    private static void assertSameBits(double[] expected, double[] actual, String what) {
        assertArrayEquals(bits(expected), bits(actual), what);
    }

    /** The resumed run's record, and its result, against the uninterrupted run's, bit for bit. */
    private static void assertSameRun(RecordedResult expected, NifParticleRun whole, RecordedResult actual,
            NifParticleRun resumed) {
        assertEquals(WINDOWS, expected.outputCount());
        assertEquals(expected.outputCount(), actual.outputCount());
        for (int w = 0; w < expected.outputCount(); w++) {
            assertEquals(Double.doubleToRawLongBits(expected.time(w)), Double.doubleToRawLongBits(actual.time(w)));
            assertSameBits(expected.get("rate", w), actual.get("rate", w), "rate of window " + w);
        }
        for (String name : List.of("v_final", "spike_count", "spike_times", "spike_neurons")) {
            assertSameBits(expected.finalValue(name), actual.finalValue(name), name);
        }
        int first = resumed.firstWindow();
        assertEquals(WINDOWS - first, resumed.rate().length);
        for (int k = 0; k < resumed.rate().length; k++) {
            assertSameBits(whole.rate()[first + k], resumed.rate()[k], "rate of window " + (first + k));
        }
        assertSameBits(Arrays.copyOfRange(whole.windowEdges(), first, WINDOWS + 1), resumed.windowEdges(), "edges");
        assertSameBits(whole.finalPotentials(), resumed.finalPotentials(), "final potentials");
        assertArrayEquals(whole.spikeCounts(), resumed.spikeCounts());
        assertSameBits(whole.spikeTimes(), resumed.spikeTimes(), "spike times");
        assertArrayEquals(whole.spikeNeurons(), resumed.spikeNeurons());
        assertEquals(whole.steps(), resumed.steps());
        assertTrue(resumed.failure().isEmpty());
    }

    @ParameterizedTest(name = "bounded rate {0}: first part on {1} threads, resumed on {2}")
    @CsvSource({"true, 2, 1", "true, 2, 2", "true, 1, 2", "false, 2, 1", "false, 1, 2"})
    void aRunResumedFromItsMiddleCheckpointGivesEveryOutputOfTheUninterruptedRun(boolean bounded, int firstThreads,
            int resumeThreads) {
        RecordedResult whole = new RecordedResult();
        // What an interrupted run's file would hold: the resumed run overwrites it from the checkpoint on.
        RecordedResult continued = new RecordedResult();
        Checkpoints checkpoints = new Checkpoints();
        NifParticleRun run = simulator(bounded, END).simulate(firstThreads, f -> {
        }, new TeeSink(whole, continued), checkpoints.every(0.15));
        assertTrue(run.spikeTimes().length > 500, "spikes " + run.spikeTimes().length);
        assertEquals(0, run.firstWindow());
        // The first window end at least 0.15 after t = 0, then the end of the run.
        assertEquals(2, checkpoints.taken.size());
        assertEquals(0.16, checkpoints.taken.get(0).time(), 1e-12);
        assertEquals(8, checkpoints.taken.get(0).nextOutput());
        assertEquals(160, checkpoints.taken.get(0).accepted());
        assertEquals(END, checkpoints.taken.get(1).time(), 1e-12);
        assertEquals(WINDOWS, checkpoints.taken.get(1).nextOutput());

        Checkpoint middle = checkpoints.nearest(END / 2);
        Checkpoints later = new Checkpoints();
        NifParticleRun resumed = simulator(bounded, END).resume(middle, resumeThreads, f -> {
        }, continued, later.every(0.05));
        assertSameRun(whole, run, continued, resumed);
        assertEquals(8, resumed.firstWindow());
        // The resumed run's own checkpoints: 0.05 after the one it started from, and at the end.
        assertArrayEquals(new double[] {0.22, 0.28, 0.3},
                later.taken.stream().mapToDouble(Checkpoint::time).toArray(), 1e-12);
        assertSameBits(checkpoints.taken.get(1).state(), later.taken.get(2).state(), "final checkpoint");
    }

    @Test
    void aFinishedRunContinuedToALaterEndIsTheRunMadeToThatEndAtOnce() {
        RecordedResult whole = new RecordedResult();
        NifParticleRun run = simulator(true, END).simulate(2, f -> {
        }, whole, null);

        RecordedResult continued = new RecordedResult();
        Checkpoints checkpoints = new Checkpoints();
        simulator(true, 0.16).simulate(1, f -> {
        }, continued, checkpoints.every(1.0));
        assertEquals(1, checkpoints.taken.size(), "only at the end of the run");
        assertEquals(8, continued.outputCount());
        NifParticleRun resumed = simulator(true, END).resume(checkpoints.taken.get(0), 2, f -> {
        }, continued, null);
        assertSameRun(whole, run, continued, resumed);
    }

    @Test
    void aCheckpointInsideAWindowOfTheLongerRunIsRefused() {
        // 0.15 ends a shortened last window (0.14 to 0.15); a run to 0.3 has a window from 0.14 to 0.16.
        Checkpoints checkpoints = new Checkpoints();
        simulator(true, 0.15).simulate(1, f -> {
        }, new RecordedResult(), checkpoints.every(1.0));
        Checkpoint end = checkpoints.taken.get(0);
        assertEquals(0.15, end.time(), 1e-12);
        NifSimulator longer = simulator(true, END);
        assertThrows(IllegalArgumentException.class, () -> longer.resume(end, 1, f -> {
        }, new RecordedResult(), null));
        // A state of the other spike-decision method (time rescaling keeps residuals, not countdowns).
        assertThrows(IllegalArgumentException.class, () -> simulator(false, 0.15).resume(end, 1, f -> {
        }, new RecordedResult(), null));
    }

    @Test
    void theRunContinuesFromTheCheckpointsStateNotFromTheSeed() {
        Checkpoints checkpoints = new Checkpoints();
        RecordedResult whole = new RecordedResult();
        RecordedResult changed = new RecordedResult();
        simulator(true, END).simulate(2, f -> {
        }, new TeeSink(whole, changed), checkpoints.every(0.15));
        Checkpoint middle = checkpoints.nearest(END / 2);
        double[] state = middle.state().clone();
        // The potential of neuron 0 (after the five header values) put above the threshold: it spikes at once.
        assertEquals(middle.state()[5], state[5]);
        assertTrue(state[5] < 1.1);
        state[5] = 2.0;
        Checkpoint perturbed = new Checkpoint(middle.time(), middle.nextOutput(), middle.step(), middle.accepted(),
                middle.rejected(), state, middle.observerStates());
        NifParticleRun run = simulator(true, END).resume(perturbed, 1, f -> {
        }, changed, null);
        assertEquals(middle.time() + DT, run.spikeTimes()[firstSpikeOf(run, 0, middle.time())], 1e-12);
        assertFalse(Arrays.equals(bits(whole.finalValue("v_final")), bits(changed.finalValue("v_final"))));
        assertFalse(Arrays.equals(bits(whole.finalValue("spike_times")), bits(changed.finalValue("spike_times")))
                && Arrays.equals(bits(whole.finalValue("spike_neurons")), bits(changed.finalValue("spike_neurons"))));
    }

    /** The index in the recorded spikes of neuron i's first spike after t. */
    private static int firstSpikeOf(NifParticleRun run, int neuron, double after) {
        for (int s = 0; s < run.spikeTimes().length; s++) {
            if (run.spikeNeurons()[s] == neuron && run.spikeTimes()[s] > after) {
                return s;
            }
        }
        throw new AssertionError("neuron " + neuron + " does not spike after " + after);
    }

    @Test
    void theLayoutNamesTheOutputsOfParticlesH5() {
        NifSimulator simulator = simulator(true, END);
        ResultLayout layout = simulator.layout();
        assertEquals(List.of("t", "window_edges", "label_edges", "label_bin", "neuron", "spike"),
                layout.axes().stream().map(a -> a.name()).toList());
        assertEquals(List.of("label", "rate", "v_final", "spike_count", "spike_times", "spike_neurons"),
                layout.variables().stream().map(v -> v.name()).toList());
        // Counts and neuron numbers are integers; the spike axis is as long as the run's spikes, known at the end.
        assertEquals(List.of("spike_count", "spike_neurons"),
                layout.variables().stream().filter(v -> v.integer()).map(v -> v.name()).toList());
        assertTrue(layout.axis("neuron").integer());
        assertFalse(layout.axis("spike").hasValues());
        assertEquals(WINDOWS + 1, layout.axis("window_edges").length());
        assertEquals(0.3, layout.axis("window_edges").values()[WINDOWS], 1e-12);
        assertArrayEquals(new double[] {0.1, 0.3, 0.5, 0.7, 0.9}, layout.axis("label_bin").values(), 1e-12);
        assertEquals(N, layout.axis("neuron").length());
        assertEquals(0, layout.slot("rate"));
        assertArrayEquals(new int[] {5}, layout.shape(layout.perOutput().get(0)));
        assertNull(layout.variables().get(2).values(), "v_final is known at the end");
        RecordedResult record = new RecordedResult();
        NifParticleRun run = simulator.simulate(1, f -> {
        }, record, null);
        assertArrayEquals(run.windowEdges(), layout.axis("window_edges").values(), 0.0);
        for (int w = 0; w < WINDOWS; w++) {
            assertEquals(run.windowEdges()[w + 1], record.time(w), 0.0);
            assertArrayEquals(run.rate()[w], record.get("rate", w), 0.0);
        }
        assertArrayEquals(run.labels(), layout.variables().get(0).values(), 0.0);
    }
}
