package meanfield.validation.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;

class TopoSimulatorTest {
    private static final double TWO_PI = 2 * Math.PI;

    /** P2 of MODEL.md: exponential K unless told, 32 velocities on [-1, 1]. */
    static TopoModel p2(RankWeight weight) {
        double[][] v = new double[32][1];
        for (int k = 0; k < 32; k++) {
            v[k][0] = -1 + 2.0 * k / 31;
        }
        return new TopoModel(1, weight, v, (x, u) -> (1 + 0.4 * Math.cos(TWO_PI * x[0]))
                * Math.exp(-Math.pow(u[0] - 0.5 * Math.sin(TWO_PI * x[0]), 2) / (2 * 0.3 * 0.3)));
    }

    /** P3 of MODEL.md: 16 unit velocities in 2D. */
    static TopoModel p3() {
        double[][] v = new double[16][];
        for (int k = 0; k < 16; k++) {
            double a = TWO_PI * k / 16;
            v[k] = new double[] {Math.cos(a), Math.sin(a)};
        }
        return new TopoModel(2, RankWeight.exponential(), v, (x, u) -> (1 + 0.3 * Math.cos(TWO_PI * x[0])
                * Math.cos(TWO_PI * x[1])) * Math.exp(2 * Math.cos(Math.atan2(u[1], u[0]) - TWO_PI * x[1])));
    }

    /** p-value of observed counts against expected ones, bins with zero expectation left out (and checked empty). */
    private static double chiSquarePValue(double[] expected, long[] observed) {
        int kept = 0;
        for (int b = 0; b < expected.length; b++) {
            if (expected[b] == 0) {
                assertEquals(0, observed[b], "bin " + b + " has probability 0");
            } else {
                kept++;
            }
        }
        double[] e = new double[kept];
        long[] o = new long[kept];
        for (int b = 0, c = 0; b < expected.length; b++) {
            if (expected[b] > 0) {
                e[c] = expected[b];
                o[c++] = observed[b];
            }
        }
        return new ChiSquareTest().chiSquareTest(e, o);
    }

    /**
     * The rank of the partner, found by a full sort before the interaction, over many events with
     * N = 20, against K(s/19) / sum K. The sort is independent of the cell grids and the alias table.
     */
    private static void partnerRanksFollow(RankWeight weight, long seed) {
        int n = 20;
        TopoParticles p = TopoRankQueryTest.randomParticles(new double[][] {{-0.6}, {0.1}, {0.9}}, n, seed);
        TopoSimulator simulator = new TopoSimulator(p, weight, seed + 1);
        SplittableRandom pick = new SplittableRandom(seed + 2);
        int events = 30000;
        long[] observed = new long[n - 1];
        double[] keys = new double[n];
        double t = 0;
        for (int e = 0; e < events; e++) {
            t += 0.01 * pick.nextDouble();
            int i = pick.nextInt(n);
            for (int j = 0; j < n; j++) {
                keys[j] = p.distanceKey(i, j, t);
            }
            int partner = simulator.interact(i, t);
            int rank = 1;
            for (int j = 0; j < n; j++) {
                if (j != i && j != partner) {
                    assertTrue(keys[j] != keys[partner], "random positions should not tie");
                    rank += keys[j] < keys[partner] ? 1 : 0;
                }
            }
            observed[rank - 1]++;
        }
        double sum = 0;
        for (int s = 1; s < n; s++) {
            sum += weight.value((double) s / (n - 1));
        }
        double[] expected = new double[n - 1];
        for (int s = 1; s < n; s++) {
            expected[s - 1] = events * weight.value((double) s / (n - 1)) / sum;
        }
        double pValue = chiSquarePValue(expected, observed);
        assertTrue(pValue > 1e-3, "p = " + pValue + ", observed " + Arrays.toString(observed));
    }

    @Test
    void partnerRanksFollowTheExponentialRankLaw() {
        partnerRanksFollow(RankWeight.exponential(), 101);
    }

    @Test
    void partnerRanksFollowTheNearestFractionRankLaw() {
        // kappa = 0.3 of 19 others: ranks 1..5 equally likely, never a farther one.
        partnerRanksFollow(RankWeight.nearestFraction(0.3), 201);
    }

    private static void velocitiesNeverAppearAndMassIsConserved(TopoModel model, int n, double end, long seed) {
        TopoSimulator simulator = new TopoSimulator(model, n, seed);
        TopoParticleRun run = simulator.simulate(end, end / 30, 8, f -> {
        });
        int nvel = model.velocityCount();
        boolean[] present = new boolean[nvel];
        int presentAtStart = 0;
        int presentAtEnd = 0;
        for (int o = 0; o < run.outputCount(); o++) {
            assertEquals(1.0, Arrays.stream(run.positionHistogram()[o]).sum(), 1e-12, "position mass at output " + o);
            assertEquals(1.0, Arrays.stream(run.joint()[o]).sum(), 1e-12, "joint mass at output " + o);
            double[] marginal = run.velocityMarginal(o);
            for (int k = 0; k < nvel; k++) {
                double count = marginal[k] * n;
                assertEquals(Math.rint(count), count, 1e-8, "whole particles at node " + k);
                boolean now = count > 0.5;
                assertFalse(now && o > 0 && !present[k], "velocity node " + k + " appeared at output " + o);
                present[k] = now;
                presentAtStart += o == 0 && now ? 1 : 0;
                presentAtEnd += o == run.outputCount() - 1 && now ? 1 : 0;
            }
        }
        int total = 0;
        for (int k = 0; k < nvel; k++) {
            total += simulator.particles().particlesAt(k);
        }
        assertEquals(n, total);
        // Not vacuous at these seeds: velocities die out (few particles per node, long enough for
        // extinctions), and interactions happen at rate 1 each.
        assertTrue(presentAtEnd < presentAtStart, presentAtStart + " -> " + presentAtEnd);
        assertEquals(n * end, run.events(), 5 * Math.sqrt(n * end));
    }

    @Test
    void theSetOfVelocitiesNeverGrowsAndParticlesAreConservedIn1d() {
        velocitiesNeverAppearAndMassIsConserved(p2(RankWeight.exponential()), 200, 30.0, 301);
    }

    @Test
    void theSetOfVelocitiesNeverGrowsAndParticlesAreConservedIn2d() {
        velocitiesNeverAppearAndMassIsConserved(p3(), 100, 30.0, 302);
    }

    @Test
    void initialDataFollowF0InPositionAndVelocity() {
        TopoModel model = p2(RankWeight.exponential());
        int n = 50000;
        int bins = 16;
        TopoParticleRun run = new TopoSimulator(model, n, 401).simulate(0.01, 0.01, bins, f -> {
        });
        // Cell and node masses of f0 by a fine midpoint rule.
        double[] positionMass = new double[bins];
        double[] nodeMass = new double[32];
        int fine = 4096;
        double total = 0;
        for (int c = 0; c < fine; c++) {
            double[] x = {(c + 0.5) / fine};
            for (int k = 0; k < 32; k++) {
                double f = model.initial().value(x, model.velocities()[k]);
                positionMass[c * bins / fine] += f;
                nodeMass[k] += f;
                total += f;
            }
        }
        long[] positionCount = new long[bins];
        long[] nodeCount = new long[32];
        double[] marginal = run.velocityMarginal(0);
        for (int b = 0; b < bins; b++) {
            positionCount[b] = Math.round(run.positionHistogram()[0][b] * n);
            positionMass[b] *= n / total;
        }
        // Nodes in the Gaussian's tails expect too few particles for the chi-squared law: pooled into one bin.
        double[] nodeExpected = new double[33];
        long[] nodeObserved = new long[33];
        for (int k = 0; k < 32; k++) {
            nodeCount[k] = Math.round(marginal[k] * n);
            double expected = nodeMass[k] * n / total;
            int bin = expected >= 10 ? k : 32;
            nodeExpected[bin] += expected;
            nodeObserved[bin] += nodeCount[k];
        }
        assertTrue(chiSquarePValue(positionMass, positionCount) > 1e-3, Arrays.toString(positionCount));
        assertTrue(chiSquarePValue(nodeExpected, nodeObserved) > 1e-3, Arrays.toString(nodeObserved));
    }

    /** Translation invariance: uniform positions independent of the velocities stay uniform, whatever K. */
    @Test
    void aSpatiallyUniformStartStaysStatisticallyUniform() {
        double[][] v = new double[8][1];
        for (int k = 0; k < 8; k++) {
            v[k][0] = -1 + 2.0 * k / 7;
        }
        TopoModel model = new TopoModel(1, RankWeight.exponential(), v, (x, u) -> Math.exp(-2 * u[0] * u[0]));
        int n = 20000;
        int bins = 20;
        TopoParticleRun run = new TopoSimulator(model, n, 501).simulate(1.0, 0.25, bins, f -> {
        });
        double[] expected = new double[bins];
        Arrays.fill(expected, (double) n / bins);
        for (int o = 1; o < run.outputCount(); o++) {
            long[] observed = new long[bins];
            for (int b = 0; b < bins; b++) {
                observed[b] = Math.round(run.positionHistogram()[o][b] * n);
            }
            double pValue = chiSquarePValue(expected, observed);
            assertTrue(pValue > 1e-3, "t = " + run.times()[o] + ": p = " + pValue + ", " + Arrays.toString(observed));
        }
        assertTrue(run.velocityChanges() > n / 2, "velocities must actually change: " + run.velocityChanges());
    }

    /**
     * K = 1 makes the limit linear (MODEL.md 2.3): fhat_k(v) of each node obeys
     * d_t fhat = -(1 + 2 pi i v) fhat + rhohat(t) h(v). The particles' first Fourier mode of the
     * density, (1/N) sum_j exp(-2 pi i x_j(t)), must follow it to within its sampling noise
     * (standard deviation about (2N)^(-1/2) per component). This checks event rate, transport and copying.
     */
    @Test
    void withUniformKTheFirstDensityModeFollowsTheExactLinearSolution() {
        TopoModel model = p2(RankWeight.uniform());
        int n = 40000;
        TopoSimulator simulator = new TopoSimulator(model, n, 601);
        int nvel = 32;
        double[] re = new double[nvel];
        double[] im = new double[nvel];
        double[] h = new double[nvel];
        int fine = 4096;
        double total = 0;
        for (int c = 0; c < fine; c++) {
            double[] x = {(c + 0.5) / fine};
            for (int k = 0; k < nvel; k++) {
                double f = model.initial().value(x, model.velocities()[k]);
                re[k] += f * Math.cos(TWO_PI * x[0]);
                im[k] -= f * Math.sin(TWO_PI * x[0]);
                h[k] += f;
                total += f;
            }
        }
        for (int k = 0; k < nvel; k++) {
            re[k] /= total;
            im[k] /= total;
            h[k] /= total;
        }
        double dt = 1e-3;
        double t = 0;
        for (double checkpoint : new double[] {0.25, 0.5, 1.0}) {
            while (t < checkpoint - 1e-12) {
                rk4Step(model, h, re, im, dt);
                t += dt;
            }
            simulator.advance(checkpoint);
            double particleRe = 0;
            double particleIm = 0;
            for (int j = 0; j < n; j++) {
                double x = simulator.particles().position(j, 0, checkpoint);
                particleRe += Math.cos(TWO_PI * x) / n;
                particleIm -= Math.sin(TWO_PI * x) / n;
            }
            double exactRe = Arrays.stream(re).sum();
            double exactIm = Arrays.stream(im).sum();
            double tolerance = 5 / Math.sqrt(2.0 * n);
            assertEquals(exactRe, particleRe, tolerance, "Re rhohat_1 at t = " + checkpoint);
            assertEquals(exactIm, particleIm, tolerance, "Im rhohat_1 at t = " + checkpoint);
        }
    }

    /** One classical RK4 step of d_t f_k = -(1 + 2 pi i v_k) f_k + (sum_l f_l) h_k, complex f split in re, im. */
    private static void rk4Step(TopoModel model, double[] h, double[] re, double[] im, double dt) {
        int m = re.length;
        double[][] kr = new double[4][m];
        double[][] ki = new double[4][m];
        double[] sr = new double[m];
        double[] si = new double[m];
        double[] weights = {0, 0.5, 0.5, 1};
        for (int stage = 0; stage < 4; stage++) {
            double rhoRe = 0;
            double rhoIm = 0;
            for (int k = 0; k < m; k++) {
                sr[k] = re[k] + (stage == 0 ? 0 : weights[stage] * dt * kr[stage - 1][k]);
                si[k] = im[k] + (stage == 0 ? 0 : weights[stage] * dt * ki[stage - 1][k]);
                rhoRe += sr[k];
                rhoIm += si[k];
            }
            for (int k = 0; k < m; k++) {
                double w = TWO_PI * model.velocities()[k][0];
                kr[stage][k] = -sr[k] + w * si[k] + rhoRe * h[k];
                ki[stage][k] = -si[k] - w * sr[k] + rhoIm * h[k];
            }
        }
        for (int k = 0; k < m; k++) {
            re[k] += dt / 6 * (kr[0][k] + 2 * kr[1][k] + 2 * kr[2][k] + kr[3][k]);
            im[k] += dt / 6 * (ki[0][k] + 2 * ki[1][k] + 2 * ki[2][k] + ki[3][k]);
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        TopoModel model = p2(RankWeight.exponential());
        TopoParticleRun a = new TopoSimulator(model, 3000, 7).simulate(1.0, 0.5, 10, f -> {
        });
        TopoParticleRun b = new TopoSimulator(model, 3000, 7).simulate(1.0, 0.5, 10, f -> {
        });
        TopoParticleRun c = new TopoSimulator(model, 3000, 8).simulate(1.0, 0.5, 10, f -> {
        });
        for (int o = 0; o < a.outputCount(); o++) {
            assertArrayEquals(a.joint()[o], b.joint()[o], 0.0);
        }
        assertEquals(a.events(), b.events());
        assertFalse(Arrays.equals(a.joint()[2], c.joint()[2]));
    }
}
