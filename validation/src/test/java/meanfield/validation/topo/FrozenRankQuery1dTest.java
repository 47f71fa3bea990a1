package meanfield.validation.topo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import meanfield.validation.random.SplitMix64;

class FrozenRankQuery1dTest {

    /**
     * The answer a full sort gives: the keys of the others around i sorted, the particle at rank s,
     * a tie broken by drawing uniformly among the tied particles taken by index (as the query does,
     * drawing only for a tie).
     */
    private static int bruteForce(double[] x, int i, int rank, SplitMix64 random) {
        int n = x.length;
        double[] keys = new double[n - 1];
        for (int j = 0, c = 0; j < n; j++) {
            if (j != i) {
                keys[c++] = FrozenRankQuery1d.key(x[i], x[j]);
            }
        }
        Arrays.sort(keys);
        double key = keys[rank - 1];
        int[] tied = new int[n];
        int ties = 0;
        for (int j = 0; j < n; j++) {
            if (j != i && FrozenRankQuery1d.key(x[i], x[j]) == key) {
                tied[ties++] = j;
            }
        }
        return ties == 1 ? tied[0] : tied[random.nextInt(ties)];
    }

    /** Every rank of several particles must be exactly the brute-force answer, ties and their draws included. */
    private static void agreesWithBruteForce(double[] x, long seed) {
        int n = x.length;
        FrozenRankQuery1d query = new FrozenRankQuery1d(n);
        query.freeze(x);
        SplitMix64 pick = new SplitMix64(seed);
        SplitMix64 queryStream = new SplitMix64(seed + 1);
        SplitMix64 bruteStream = new SplitMix64(seed + 1);
        for (int round = 0; round < 8; round++) {
            int i = pick.nextInt(n);
            assertEquals(x[i], query.position(i), 0.0);
            for (int s = 1; s < n; s++) {
                int expected = bruteForce(x, i, s, bruteStream);
                int j = query.rankedNeighbour(i, s, queryStream);
                assertEquals(expected, j, "rank " + s + " of particle " + i + " at " + x[i]);
            }
            assertArrayEquals(bruteStream.state(), queryStream.state(), "the same draws for the ties");
        }
    }

    @Test
    void returnsTheParticleOfTheBruteForceSortForUniformPositions() {
        SplitMix64 random = new SplitMix64(11);
        double[] x = new double[700];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        agreesWithBruteForce(x, 1);
    }

    /** Positions on a lattice of 64 points: many particles at the same place and many equal distances. */
    @Test
    void returnsTheParticleOfTheBruteForceSortWithTies() {
        SplitMix64 random = new SplitMix64(12);
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(64) / 64.0;
        }
        agreesWithBruteForce(x, 2);
    }

    /** Most particles in one bucket of the sort (its quicksort path), a few spread, and points at 0 and near 1. */
    @Test
    void returnsTheParticleOfTheBruteForceSortForCrowdedPositions() {
        SplitMix64 random = new SplitMix64(13);
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 10 == 0 ? random.nextDouble() : 0.3 + 1e-4 * random.nextDouble();
        }
        x[1] = 0.0;
        x[2] = Math.nextDown(1.0);
        x[3] = 0.5;
        x[4] = 0.8;
        agreesWithBruteForce(x, 3);
    }

    /** The key is the minimum-image distance of {@link Torus#gap} up to round-off. */
    @Test
    void keyIsTheTorusDistance() {
        SplitMix64 random = new SplitMix64(14);
        for (int c = 0; c < 100_000; c++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            assertEquals(Torus.gap(x, y), FrozenRankQuery1d.key(x, y), 3e-16);
            assertEquals(FrozenRankQuery1d.key(x, y), FrozenRankQuery1d.key(y, x), 3e-16);
        }
    }

    /**
     * Particle 0 at 0.5 with two others at 0.625 and one at 0.375 (all at distance 1/8), the rest
     * farther: rank 1 must be each of the three tied particles a third of the time.
     */
    @Test
    void breaksTiesUniformly() {
        double[] x = {0.5, 0.9, 0.625, 0.1, 0.375, 0.625, 0.0};
        FrozenRankQuery1d query = new FrozenRankQuery1d(x.length);
        query.freeze(x);
        SplitMix64 random = new SplitMix64(5);
        long[] counts = new long[3];
        int[] tied = {2, 4, 5};
        int draws = 30_000;
        for (int c = 0; c < draws; c++) {
            int j = query.rankedNeighbour(0, 1 + random.nextInt(3), random);
            int slot = Arrays.binarySearch(tied, j);
            assertTrue(slot >= 0, "ranks 1 to 3 are the tied particles, got " + j);
            counts[slot]++;
        }
        double[] expected = {draws / 3.0, draws / 3.0, draws / 3.0};
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 1e-3, "tied particles not equally likely: " + Arrays.toString(counts) + ", p = " + p);
        // Rank 4 is the particle at 0.9 (distance 0.4), then 0.1 (0.4: a tie), then 0.0 (0.5).
        assertEquals(6, query.rankedNeighbour(0, 6, random));
    }
}
