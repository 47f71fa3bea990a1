package meanfield.validation.mv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.solvers.run.IncompatibleCheckpoint;

/** An MV particle run continued from a checkpoint is the uninterrupted run, bit for bit, on any thread count. */
class MvSimulatorResumeTest {
    private static MvSimulator simulator(double end) {
        return new MvSimulator(PublicProblems.mv1d().model(), new MvSimulator.Settings(3000, end, 0.01, 0.05, 16, 7));
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    /** Whole run with checkpoints every 0.2; returns the checkpoints handed out. */
    private static List<Checkpoint> runWithCheckpoints(double end, int threads, MvParticleRun[] result) {
        List<Checkpoint> taken = new ArrayList<>();
        result[0] = simulator(end).simulate(threads, t -> { }, ResultSink.DISCARD, new CheckpointPolicy(0.2, taken::add));
        return taken;
    }

    private static void assertContinues(MvParticleRun whole, MvParticleRun resumed, int first) {
        assertEquals(whole.outputCount() - first, resumed.outputCount());
        for (int o = 0; o < resumed.outputCount(); o++) {
            assertEquals(whole.times()[first + o], resumed.times()[o]);
            assertArrayEquals(bits(whole.positionHistogram()[first + o]), bits(resumed.positionHistogram()[o]),
                    "histogram at output " + (first + o));
        }
        assertArrayEquals(bits(whole.finalPositions()), bits(resumed.finalPositions()));
        assertArrayEquals(bits(whole.initialPositions()), bits(resumed.initialPositions()));
        assertEquals(whole.steps(), resumed.steps());
    }

    @Test
    void resumedFromTheMiddleEqualsTheWholeRunOnOneAndTwoThreads() {
        MvParticleRun[] whole = new MvParticleRun[1];
        List<Checkpoint> taken = runWithCheckpoints(0.6, 1, whole);
        Checkpoint middle = taken.get(0);
        assertEquals(0.2, middle.time(), 1e-12);
        for (int threads : new int[] {1, 2}) {
            MvParticleRun resumed = simulator(0.6).resume(middle, threads, t -> { }, ResultSink.DISCARD, null);
            assertContinues(whole[0], resumed, middle.nextOutput());
        }
    }

    @Test
    void aFinishedRunContinuedToALaterEndEqualsTheLongerRun() {
        MvParticleRun[] shorter = new MvParticleRun[1];
        List<Checkpoint> taken = runWithCheckpoints(0.3, 2, shorter);
        Checkpoint last = taken.get(taken.size() - 1);
        assertEquals(0.3, last.time(), 1e-12);
        MvParticleRun[] longer = new MvParticleRun[1];
        runWithCheckpoints(0.6, 1, longer);
        MvParticleRun resumed = simulator(0.6).resume(last, 1, t -> { }, ResultSink.DISCARD, null);
        assertContinues(longer[0], resumed, last.nextOutput());
    }

    @Test
    void aPerturbedStateGivesAnotherContinuationSoTheTestCanFail() {
        MvParticleRun[] whole = new MvParticleRun[1];
        Checkpoint middle = runWithCheckpoints(0.6, 1, whole).get(0);
        double[] state = middle.state().clone();
        state[3] += 0.01;
        Checkpoint perturbed = new Checkpoint(middle.time(), middle.nextOutput(), middle.step(), middle.accepted(),
                middle.rejected(), state, middle.observerStates());
        MvParticleRun resumed = simulator(0.6).resume(perturbed, 1, t -> { }, ResultSink.DISCARD, null);
        assertFalse(java.util.Arrays.equals(bits(whole[0].finalPositions()), bits(resumed.finalPositions())));
    }

    @Test
    void aCheckpointOfAnotherRunIsRefused() {
        MvParticleRun[] whole = new MvParticleRun[1];
        Checkpoint middle = runWithCheckpoints(0.6, 1, whole).get(0);
        MvSimulator other = new MvSimulator(PublicProblems.mv1d().model(), new MvSimulator.Settings(2000, 0.6, 0.01,
                0.05, 16, 7));
        assertThrows(IncompatibleCheckpoint.class, () -> other.resume(middle, 1, t -> { }, ResultSink.DISCARD, null));
    }
}
