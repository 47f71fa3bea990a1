package meanfield.validation.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.solvers.run.IncompatibleCheckpoint;

class TopoTimeSteppedResumeTest {
    private static final TopoModel MODEL = PublicProblems.topo1d(8);
    private static final int N = 3_000;
    private static final double DT = 0.03;

    private static Checkpoint at(List<Checkpoint> checkpoints, double t) {
        return checkpoints.stream().filter(c -> c.time() == t).findFirst().orElseThrow();
    }

    /** A run resumed at t = 0.4 (on a simulator of another seed) gives the outputs and counts of the whole run, bit for bit. */
    @Test
    void aResumedRunContinuesBitForBit() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        TopoParticleRun whole = new TopoTimeStepped(MODEL, N, DT, 5).simulate(1.0, 0.1, 8, f -> { }, ResultSink.DISCARD,
                new CheckpointPolicy(0.2, checkpoints::add));
        Checkpoint middle = at(checkpoints, 0.4);
        TopoTimeStepped other = new TopoTimeStepped(MODEL, N, DT, 99);
        TopoParticleRun rest = other.resume(middle, 1.0, 0.1, 8, f -> { }, ResultSink.DISCARD, null);
        assertEquals(5, rest.firstOutput());
        for (int o = 0; o < rest.outputCount(); o++) {
            assertEquals(whole.times()[o + 5], rest.times()[o], 0.0);
            assertArrayEquals(whole.joint()[o + 5], rest.joint()[o], 0.0);
        }
        assertEquals(whole.events(), rest.events());
        assertEquals(whole.velocityChanges(), rest.velocityChanges());
        assertEquals(new TopoTimeStepped(MODEL, N, DT, 5).simulate(1.0, 0.1, 8, f -> { }, ResultSink.DISCARD).events(),
                whole.events(), "checkpoints do not change the run");
        // The last checkpoint continues to a later end as a run that went there at once.
        TopoParticleRun longer = new TopoTimeStepped(MODEL, N, DT, 5).simulate(1.5, 0.1, 8, f -> { }, ResultSink.DISCARD);
        TopoParticleRun extended = new TopoTimeStepped(MODEL, N, DT, 1).resume(at(checkpoints, 1.0), 1.5, 0.1, 8,
                f -> { }, ResultSink.DISCARD, null);
        assertArrayEquals(longer.joint()[15], extended.joint()[extended.outputCount() - 1], 0.0);
    }

    /** A checkpoint of another dt, N or method, or not at an output time, is refused. */
    @Test
    void aCheckpointOfAnotherRunIsRefused() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        new TopoTimeStepped(MODEL, N, DT, 5).simulate(0.4, 0.1, 8, f -> { }, ResultSink.DISCARD,
                new CheckpointPolicy(0.2, checkpoints::add));
        Checkpoint c = at(checkpoints, 0.2);
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoTimeStepped(MODEL, N, 2 * DT, 5)
                .resume(c, 1.0, 0.1, 8, f -> { }, ResultSink.DISCARD, null));
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoTimeStepped(MODEL, N + 1, DT, 5)
                .resume(c, 1.0, 0.1, 8, f -> { }, ResultSink.DISCARD, null));
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoTimeStepped(MODEL, N, DT, 5)
                .resume(c, 1.0, 0.15, 8, f -> { }, ResultSink.DISCARD, null));
        List<Checkpoint> exact = new ArrayList<>();
        new TopoSimulator(MODEL, N, 5).simulate(0.2, 0.1, 8, f -> { }, ResultSink.DISCARD,
                new CheckpointPolicy(0.2, exact::add));
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoTimeStepped(MODEL, N, DT, 5)
                .resume(exact.get(0), 1.0, 0.1, 8, f -> { }, ResultSink.DISCARD, null));
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoSimulator(MODEL, N, 5)
                .resume(c, 1.0, 0.1, 8, f -> { }, ResultSink.DISCARD, null));
    }
}
