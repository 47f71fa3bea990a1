package meanfield.validation.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.result.TeeSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.solvers.run.IncompatibleCheckpoint;
import meanfield.solvers.time.TimeControl;

class TopoSimulatorResumeTest {
    private static final double END = 1.0;
    private static final double EVERY = 0.1;
    private static final int BINS = 8;

    /** P2 with 16 velocities on [-1, 1] (exponential K). */
    private static TopoModel p2With16Velocities() {
        double[][] v = new double[16][1];
        for (int k = 0; k < 16; k++) {
            v[k][0] = -1 + 2.0 * k / 15;
        }
        TopoModel p2 = TopoSimulatorTest.p2(RankWeight.exponential());
        return new TopoModel(1, p2.weight(), v, p2.initial());
    }

    /**
     * Four particles on every point of a dyadic lattice, of nodes 0..3, where nodes 0 and 1 share a
     * velocity and so do 2 and 3: particles of different nodes stay exactly on top of each other, so
     * their distances tie exactly at most events, and which of them is drawn decides the velocity
     * node copied (ties within a node would not show in the outputs).
     */
    private static TopoParticles lattice(int dimension) {
        double[][] v = dimension == 1 ? new double[][] {{0.0}, {0.0}, {0.25}, {0.25}}
                : new double[][] {{0.0, 0.0}, {0.0, 0.0}, {0.25, -0.5}, {0.25, -0.5}};
        int perAxis = dimension == 1 ? 512 : 16;
        int points = dimension == 1 ? perAxis : perAxis * perAxis;
        int n = 4 * points;
        double[] x = new double[n * dimension];
        int[] nodes = new int[n];
        for (int i = 0; i < n; i++) {
            int point = i % points;
            x[i * dimension] = (point % perAxis) / (double) perAxis;
            if (dimension == 2) {
                x[i * dimension + 1] = (point / perAxis) / (double) perAxis;
            }
            nodes[i] = i / points;
        }
        return new TopoParticles(v, x, nodes);
    }

    /** A run to `end` with checkpoints every `every` into the list, its outputs recorded. */
    private static TopoParticleRun run(TopoSimulator simulator, double end, RecordedResult sink, double every,
            List<Checkpoint> checkpoints) {
        return simulator.simulate(end, EVERY, BINS, f -> {
        }, sink, new CheckpointPolicy(every, checkpoints::add));
    }

    private static Checkpoint at(List<Checkpoint> checkpoints, double t) {
        for (Checkpoint c : checkpoints) {
            if (c.time() == t) {
                return c;
            }
        }
        throw new AssertionError("no checkpoint at t = " + t + " among " + checkpoints.size());
    }

    /** Bit for bit: every row of both histograms from output `from` on, and the counts. */
    private static void assertSameOutputs(RecordedResult expected, RecordedResult actual, int from) {
        assertEquals(expected.outputCount(), actual.outputCount(), "outputs");
        for (int o = from; o < expected.outputCount(); o++) {
            assertEquals(Double.doubleToRawLongBits(expected.time(o)), Double.doubleToRawLongBits(actual.time(o)));
            for (String name : new String[] {"position_hist", "joint"}) {
                double[] e = expected.get(name, o);
                double[] a = actual.get(name, o);
                assertEquals(e.length, a.length);
                for (int c = 0; c < e.length; c++) {
                    assertEquals(Double.doubleToRawLongBits(e[c]), Double.doubleToRawLongBits(a[c]),
                            name + " at output " + o + ", cell " + c);
                }
            }
        }
    }

    /**
     * The checkpoint's state written and read as the app's checkpoint file does, by
     * DataOutputStream.writeDouble, which canonicalizes NaNs: the packed state must hold none.
     */
    private static Checkpoint throughDataStream(Checkpoint c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                for (double x : c.state()) {
                    out.writeDouble(x);
                }
            }
            double[] state = new double[c.state().length];
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                for (int i = 0; i < state.length; i++) {
                    state[i] = in.readDouble();
                }
            }
            return new Checkpoint(c.time(), c.nextOutput(), c.step(), c.accepted(), c.rejected(), state,
                    c.observerStates());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * (i) A run to T with checkpoints; its checkpoint at T/2 resumed in a fresh simulator gives the
     * later outputs bit for bit, the same counts and the same final checkpoint.
     */
    private static void resumedHalfWayEqualsTheWholeRun(Supplier<TopoSimulator> fresh) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        RecordedResult whole = new RecordedResult();
        // The same outputs into a second record, whose later rows the resumed run overwrites (as a file's).
        RecordedResult continued = new RecordedResult();
        TopoParticleRun wholeRun = fresh.get().simulate(END, EVERY, BINS, f -> {
        }, new TeeSink(whole, continued), new CheckpointPolicy(0.5, checkpoints::add));
        assertEquals(2, checkpoints.size(), "checkpoints at 0.5 and at the end");
        Checkpoint half = throughDataStream(at(checkpoints, 0.5));
        assertEquals(6, half.nextOutput());

        List<Checkpoint> after = new ArrayList<>();
        TopoParticleRun resumed = fresh.get().resume(half, END, EVERY, BINS, f -> {
        }, continued, new CheckpointPolicy(0.5, after::add));
        assertSameOutputs(whole, continued, half.nextOutput());
        assertEquals(wholeRun.events(), resumed.events());
        assertEquals(wholeRun.velocityChanges(), resumed.velocityChanges());
        assertTrue(wholeRun.velocityChanges() > 100, "velocities must change: " + wholeRun.velocityChanges());
        assertEquals(half.nextOutput(), resumed.firstOutput());
        assertEquals(wholeRun.outputCount() - half.nextOutput(), resumed.outputCount());
        for (int o = 0; o < resumed.outputCount(); o++) {
            assertArrayEquals(wholeRun.joint()[half.nextOutput() + o], resumed.joint()[o], 0.0);
        }
        Checkpoint last = at(checkpoints, END);
        Checkpoint lastAgain = at(after, END);
        assertEquals(1, after.size());
        assertEquals(last.accepted(), lastAgain.accepted());
        assertEquals(last.rejected(), lastAgain.rejected());
        assertArrayEquals(last.state(), lastAgain.state(), 0.0);
    }

    @Test
    void aRunResumedHalfWayIsBitForBitTheWholeRunIn1d() {
        resumedHalfWayEqualsTheWholeRun(() -> new TopoSimulator(p2With16Velocities(), 4000, 11));
    }

    @Test
    void aRunResumedHalfWayIsBitForBitTheWholeRunIn2d() {
        resumedHalfWayEqualsTheWholeRun(() -> new TopoSimulator(TopoSimulatorTest.p3(), 2000, 12));
    }

    /**
     * With ties at many events, the rank query draws among tied particles; the resumed run files the
     * particles in its rebuilt grids in another order (and with another grid size, fewer velocity
     * groups being present) than the interrupted run's grids hold them, which must not matter.
     */
    @Test
    void aRunResumedHalfWayIsBitForBitTheWholeRunWithTiesIn1dAnd2d() {
        resumedHalfWayEqualsTheWholeRun(() -> new TopoSimulator(lattice(1), RankWeight.exponential(), 13));
        resumedHalfWayEqualsTheWholeRun(() -> new TopoSimulator(lattice(2), RankWeight.nearestFraction(0.05), 14));
    }

    /** (ii) A run to T/2, continued from its final checkpoint to T, is the run to T. */
    @Test
    void aFinishedRunContinuedToALaterEndIsTheLongerRun() {
        TopoModel model = p2With16Velocities();
        RecordedResult whole = new RecordedResult();
        TopoParticleRun wholeRun = run(new TopoSimulator(model, 3000, 21), END, whole, 10, new ArrayList<>());
        List<Checkpoint> first = new ArrayList<>();
        RecordedResult continued = new RecordedResult();
        run(new TopoSimulator(model, 3000, 21), END / 2, continued, 10, first);
        assertEquals(1, first.size(), "only the final checkpoint");
        Checkpoint end = first.get(0);
        assertEquals(END / 2, end.time());
        TopoParticleRun rest = new TopoSimulator(model, 3000, 99).resume(end, END, EVERY, BINS, f -> {
        }, continued, null);
        assertSameOutputs(whole, continued, 0);
        assertEquals(wholeRun.events(), rest.events());
        assertEquals(wholeRun.velocityChanges(), rest.velocityChanges());
    }

    /** (iii) The state is what the continuation reads: a changed velocity node or stream state changes it. */
    @Test
    void aPerturbedCheckpointGivesAnotherContinuation() {
        TopoModel model = p2With16Velocities();
        List<Checkpoint> checkpoints = new ArrayList<>();
        RecordedResult whole = new RecordedResult();
        run(new TopoSimulator(model, 3000, 31), END, whole, 0.5, checkpoints);
        Checkpoint half = at(checkpoints, 0.5);
        double[] state = half.state();
        int n = 3000;
        int nodesStart = state.length - n;
        // One particle's velocity node, to a node that another particle holds (so still a valid state).
        double[] otherNode = state.clone();
        int j = 0;
        while (state[nodesStart + j] == state[nodesStart]) {
            j++;
        }
        otherNode[nodesStart] = state[nodesStart + j];
        // The low half of the stream's seed.
        double[] otherStream = state.clone();
        otherStream[9] = otherStream[9] == 0 ? 1 : otherStream[9] - 1;
        for (double[] perturbed : new double[][] {otherNode, otherStream}) {
            TopoParticleRun continued = new TopoSimulator(model, n, 31).resume(new Checkpoint(half.time(),
                    half.nextOutput(), half.step(), half.accepted(), half.rejected(), perturbed, half.observerStates()),
                    END, EVERY, BINS, f -> {
                    }, ResultSink.DISCARD, null);
            assertFalse(sameOutputs(whole, continued), "a perturbed state must change the continuation");
        }
        // And the unperturbed state continues as the whole run did (as tested above; here, the control).
        TopoParticleRun control = new TopoSimulator(model, n, 31).resume(half, END, EVERY, BINS, f -> {
        }, ResultSink.DISCARD, null);
        assertTrue(sameOutputs(whole, control));
    }


    /** Whether a resumed run's outputs are those of the recorded whole run, bit for bit. */
    private static boolean sameOutputs(RecordedResult whole, TopoParticleRun resumed) {
        for (int o = 0; o < resumed.outputCount(); o++) {
            int index = resumed.firstOutput() + o;
            double[][] mine = {resumed.positionHistogram()[o], resumed.joint()[o]};
            double[][] theirs = {whole.get("position_hist", index), whole.get("joint", index)};
            for (int v = 0; v < 2; v++) {
                for (int c = 0; c < mine[v].length; c++) {
                    if (Double.doubleToRawLongBits(mine[v][c]) != Double.doubleToRawLongBits(theirs[v][c])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void checkpointsOfAnotherRunOrTimeAreRefused() {
        TopoModel model = p2With16Velocities();
        List<Checkpoint> checkpoints = new ArrayList<>();
        run(new TopoSimulator(model, 500, 41), END, new RecordedResult(), 0.5, checkpoints);
        Checkpoint half = at(checkpoints, 0.5);
        RecordedResult sink = new RecordedResult();
        // Another N, another model (K), another output grid, a damaged state.
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoSimulator(model, 400, 41).resume(half, END, EVERY,
                BINS, f -> {
                }, sink, null));
        TopoModel otherK = new TopoModel(1, RankWeight.uniform(), model.velocities(), model.initial());
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoSimulator(otherK, 500, 41).resume(half, END, EVERY,
                BINS, f -> {
                }, sink, null));
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoSimulator(model, 500, 41).resume(half, END, 0.3,
                BINS, f -> {
                }, sink, null));
        double[] damaged = half.state().clone();
        damaged[damaged.length - 1] = 16;
        assertThrows(IncompatibleCheckpoint.class, () -> new TopoSimulator(model, 500, 41).resume(new Checkpoint(
                half.time(), half.nextOutput(), 0, half.accepted(), half.rejected(), damaged, new double[0][]), END,
                EVERY, BINS, f -> {
                }, sink, null));
    }

    /** The layout of particles.h5 and the sink's calls: output times of TimeControl, begin once, finish with all. */
    @Test
    void theSinkGetsTheLayoutAndEveryOutputAtTheDecimalOutputTimes() {
        TopoSimulator simulator = new TopoSimulator(TopoSimulatorTest.p3(), 300, 51);
        RecordedResult sink = new RecordedResult();
        TopoParticleRun run = simulator.simulate(0.95, EVERY, 4, f -> {
        }, sink, null);
        double[] times = new TimeControl(0.95, EVERY, Double.NaN, 1).outputTimes();
        assertArrayEquals(times, sink.times(), 0.0);
        assertArrayEquals(times, run.times(), 0.0);
        assertEquals(0.3, run.times()[3]);
        ResultLayout layout = sink.layout();
        assertNotNull(layout);
        assertEquals(List.of("t", "x_edges", "x", "y", "velocity", "component"),
                layout.axes().stream().map(a -> a.name()).toList());
        assertEquals(List.of("t", "x", "y"), layout.perOutput().get(0).dims());
        assertEquals("position_hist", layout.perOutput().get(0).name());
        assertEquals(List.of("t", "x", "y", "velocity"), layout.perOutput().get(1).dims());
        assertEquals("joint", layout.perOutput().get(1).name());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, layout.axis("x_edges").values(), 0.0);
        assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, layout.axis("x").values(), 0.0);
        double[] v = layout.variables().get(0).values();
        assertEquals(16 * 2, v.length);
        assertEquals(TopoSimulatorTest.p3().velocities()[3][1], v[3 * 2 + 1], 0.0);
        for (int o = 0; o < times.length; o++) {
            assertArrayEquals(run.positionHistogram()[o], sink.get("position_hist", o), 0.0);
            assertArrayEquals(run.joint()[o], sink.get("joint", o), 0.0);
        }
        assertFalse(run.positionHistogram()[0].length != 16);
    }
}
