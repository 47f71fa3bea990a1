package meanfield.validation.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.result.ResultSink;

class TopoTimeSteppedTest {

    /** What the events of one step showed against the configuration at their true times. */
    private static final class RankErrors implements TopoTimeStepped.EventObserver {
        private final TopoTimeStepped simulator;
        private final double[] velocity;
        private final double spread;
        long events;
        double sumError;
        double sumBand;
        long beyondBand;

        RankErrors(TopoTimeStepped simulator, TopoModel model) {
            this.simulator = simulator;
            velocity = new double[model.velocityCount()];
            for (int k = 0; k < velocity.length; k++) {
                velocity[k] = model.velocities()[k][0];
            }
            double max = Arrays.stream(velocity).max().orElseThrow();
            double min = Arrays.stream(velocity).min().orElseThrow();
            spread = max - min;
        }

        /** The position of j at tau after the step start, moving with its velocity at the step start. */
        private double at(int j, double tau) {
            return Torus.frac(simulator.frozenPosition(j) + velocity[simulator.frozenNode(j)] * tau);
        }

        /**
         * R, the rank of the partner at the event's true time (by a full count), and B, the particles
         * whose frozen distance is within 2 W tau of the partner's, which bounds |R - s|.
         */
        @Override
        public void event(int i, double tau, int rank, int partner) {
            int n = simulator.size();
            double xi = at(i, tau);
            double partnerDistance = Torus.gap(xi, at(partner, tau));
            double frozenPartner = FrozenRankQuery1d.key(simulator.frozenPosition(i), simulator.frozenPosition(partner));
            int nearer = 0;
            int band = 0;
            for (int j = 0; j < n; j++) {
                if (j == i || j == partner) {
                    continue;
                }
                nearer += Torus.gap(xi, at(j, tau)) < partnerDistance ? 1 : 0;
                double frozen = FrozenRankQuery1d.key(simulator.frozenPosition(i), simulator.frozenPosition(j));
                band += Math.abs(frozen - frozenPartner) <= 2 * spread * tau ? 1 : 0;
            }
            int error = Math.abs(nearer + 1 - rank);
            events++;
            sumError += error;
            sumBand += band;
            beyondBand += error > band ? 1 : 0;
        }

        /** E |R - s| / (N - 1): a bound on the Wasserstein-1 distance of the partner's true rank-fraction law to K's. */
        double meanRankFractionError() {
            return sumError / events / (simulator.size() - 1);
        }
    }

    /** The largest density of the positions over 64 bins. */
    private static double maxDensity(TopoTimeStepped simulator) {
        int bins = 64;
        double[] mass = new double[bins];
        simulator.histogram(bins, mass, new double[bins * 64]);
        return Arrays.stream(mass).max().orElseThrow() * bins;
    }

    /**
     * The rank-law error of the frozen configuration, on P2's data (32 velocities): every event's
     * partner has, at the event's true time, a rank within the band bound B of the rank drawn; the
     * mean rank-fraction error is below the stated bound 8 W dt rho_max and halves with dt (first order).
     */
    @Test
    void rankLawErrorIsWithinTheBoundAndFirstOrderInDt() {
        TopoModel model = PublicProblems.topo1d(32);
        int n = 20_000;
        double[] steps = {0.2, 0.1, 0.05};
        double[] errors = new double[steps.length];
        for (int c = 0; c < steps.length; c++) {
            TopoTimeStepped simulator = new TopoTimeStepped(model, n, steps[c], 3);
            RankErrors observed = new RankErrors(simulator, model);
            double rhoMax = maxDensity(simulator);
            simulator.observe(observed);
            simulator.advance(steps[c]);
            assertEquals(1, simulator.steps());
            assertTrue(observed.events > 500, observed.events + " events");
            assertEquals(0, observed.beyondBand, "events whose true rank is outside the band bound");
            errors[c] = observed.meanRankFractionError();
            double bound = 8 * observed.spread * steps[c] * rhoMax;
            assertTrue(errors[c] <= bound, "dt = " + steps[c] + ": mean rank-fraction error " + errors[c]
                    + " above the bound " + bound);
            assertTrue(observed.sumBand / observed.events / (n - 1) <= bound, "band above its bound");
        }
        for (int c = 1; c < steps.length; c++) {
            double ratio = errors[c - 1] / errors[c];
            assertTrue(ratio > 1.6 && ratio < 2.5, "halving dt divided the rank error by " + ratio
                    + " (errors " + Arrays.toString(errors) + ")");
        }
    }

    /**
     * With one velocity node all particles move rigidly, so the frozen configuration is exact: every
     * partner has at the event's true time exactly the rank drawn, and the ranks follow K's law (chi-square).
     */
    @Test
    void withOneVelocityTheRankLawIsExact() {
        TopoModel model = PublicProblems.topo1d(1);
        int n = 2_000;
        TopoTimeStepped simulator = new TopoTimeStepped(model, n, 0.25, 4);
        RankErrors observed = new RankErrors(simulator, model);
        int bins = 20;
        long[] counts = new long[bins];
        simulator.observe((i, tau, rank, partner) -> {
            observed.event(i, tau, rank, partner);
            counts[(int) ((long) (rank - 1) * bins / (n - 1))]++;
        });
        simulator.advance(10.0);
        assertEquals(0.0, observed.sumError, "a partner whose true rank is not the one drawn");
        double[] expected = new double[bins];
        RankWeight k = model.weight();
        for (int s = 1; s < n; s++) {
            expected[(int) ((long) (s - 1) * bins / (n - 1))] += k.value((double) s / (n - 1));
        }
        double total = Arrays.stream(expected).sum();
        for (int b = 0; b < bins; b++) {
            expected[b] *= observed.events / total;
        }
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 1e-3, "ranks not K-distributed: p = " + p + ", counts " + Arrays.toString(counts));
    }

    /** Each particle's clock has rate 1: about N T events (Poisson, within 4 standard deviations). */
    @Test
    void eventsComeAtRateOnePerParticle() {
        int n = 5_000;
        double end = 4.0;
        TopoTimeStepped simulator = new TopoTimeStepped(PublicProblems.topo1d(32), n, 0.3, 5);
        simulator.advance(end);
        assertEquals(end, simulator.time(), 0.0);
        assertEquals(14, simulator.steps());
        double mean = n * end;
        assertEquals(mean, simulator.events(), 4 * Math.sqrt(mean));
        assertTrue(simulator.velocityChanges() > 0 && simulator.velocityChanges() < simulator.events());
    }

    /** The initial data are the exact simulator's for the same seed, so the two methods start together. */
    @Test
    void startsFromTheExactSimulatorsConfiguration() {
        TopoModel model = PublicProblems.topo1d(32);
        TopoSimulator exact = new TopoSimulator(model, 3_000, 9);
        TopoTimeStepped stepped = new TopoTimeStepped(model, 3_000, 0.1, 9);
        for (int i = 0; i < 3_000; i++) {
            assertEquals(exact.particles().position(i, 0, 0.0), stepped.position(i), 0.0);
            assertEquals(exact.particles().velocityNode(i), stepped.velocityNode(i));
        }
    }

    /** The same seed gives the same outputs, another seed others; velocities are only copied and mass is kept. */
    @Test
    void sameSeedSameNumbersAndVelocitiesNeverAppear() {
        TopoModel model = PublicProblems.topo1d(4);
        TopoParticleRun a = new TopoTimeStepped(model, 4_000, 0.05, 21).simulate(1.0, 0.25, 16, t -> { }, ResultSink.DISCARD);
        TopoParticleRun b = new TopoTimeStepped(model, 4_000, 0.05, 21).simulate(1.0, 0.25, 16, t -> { }, ResultSink.DISCARD);
        TopoParticleRun c = new TopoTimeStepped(model, 4_000, 0.05, 22).simulate(1.0, 0.25, 16, t -> { }, ResultSink.DISCARD);
        assertEquals(5, a.outputCount());
        for (int o = 0; o < a.outputCount(); o++) {
            assertArrayEquals(a.joint()[o], b.joint()[o], 0.0);
            assertEquals(1.0, Arrays.stream(a.positionHistogram()[o]).sum(), 1e-12);
        }
        assertEquals(a.events(), b.events());
        assertFalse(Arrays.equals(a.joint()[4], c.joint()[4]));
        double[] before = a.velocityMarginal(0);
        double[] after = a.velocityMarginal(4);
        for (int k = 0; k < before.length; k++) {
            assertTrue(before[k] > 0 || after[k] == 0, "velocity node " + k + " appeared");
        }
    }

    /** Only one velocity node present: every particle moves at that velocity, exactly as in the exact dynamics. */
    @Test
    void aSingleVelocityIsPureTransport() {
        double[][] v = {{0.3}, {-0.7}};
        double[] x = {0.1, 0.45, 0.9, 0.99};
        int[] nodes = {1, 1, 1, 1};
        TopoTimeStepped simulator = new TopoTimeStepped(v, x, nodes, RankWeight.exponential(), 0.07, 1);
        simulator.advance(1.3);
        for (int i = 0; i < x.length; i++) {
            assertEquals(1, simulator.velocityNode(i));
            assertEquals(Torus.frac(x[i] - 0.7 * 1.3), simulator.position(i), 1e-12);
        }
    }

    @Test
    void refusesMoreThanOneDimension() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new TopoTimeStepped(PublicProblems.topo2d().model(), 100, 0.1, 1));
        assertTrue(e.getMessage().contains("1D only"), e.getMessage());
    }
}
