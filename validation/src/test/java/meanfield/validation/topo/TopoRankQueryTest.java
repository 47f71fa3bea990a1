package meanfield.validation.topo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import meanfield.validation.random.SplitMix64;

class TopoRankQueryTest {

    /** Random positions, nodes drawn at random, in dimension d. */
    static TopoParticles randomParticles(double[][] velocities, int n, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int d = velocities[0].length;
        double[] x = new double[n * d];
        int[] nodes = new int[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                x[i * d + a] = random.nextDouble();
            }
            nodes[i] = random.nextInt(velocities.length);
        }
        return new TopoParticles(velocities, x, nodes);
    }

    /** The keys of the others around i at time t, sorted: the brute-force ranking. */
    static double[] sortedKeys(TopoParticles p, int i, double t) {
        double[] keys = new double[p.size() - 1];
        for (int j = 0, c = 0; j < p.size(); j++) {
            if (j != i) {
                keys[c++] = p.distanceKey(i, j, t);
            }
        }
        Arrays.sort(keys);
        return keys;
    }

    /**
     * At several times, with velocity changes in between, every rank of several particles must come
     * back with exactly the key the full sort puts at that rank.
     */
    private static void agreesWithFullSort(TopoParticles p, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        int n = p.size();
        double t = 0;
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 4; i++) {
                int particle = random.nextInt(n);
                double[] keys = sortedKeys(p, particle, t);
                for (int s = 1; s < n; s++) {
                    int j = p.rankedNeighbour(particle, s, t, random);
                    assertTrue(j != particle, "a particle is not its own neighbour");
                    assertEquals(keys[s - 1], p.distanceKey(particle, j, t), 0.0,
                            "rank " + s + " of particle " + particle + " at t = " + t);
                }
            }
            // Motion, then velocity changes (groups grow, shrink, and some empty).
            t += 0.37 + 3.1 * random.nextDouble();
            for (int e = 0; e < n / 2; e++) {
                p.copyVelocity(random.nextInt(n), random.nextInt(n), t);
            }
        }
    }

    @Test
    void everyRankAgreesWithAFullSortIn1dAfterMotionAndVelocityChanges() {
        double[][] v = {{-1.0}, {-0.37}, {0.0}, {0.5}, {1.3}, {2.718281828}};
        agreesWithFullSort(randomParticles(v, 400, 11), 12);
        // Few particles for many groups: the smallest grids, with empty and crowded cells.
        agreesWithFullSort(randomParticles(v, 9, 13), 14);
    }

    @Test
    void everyRankAgreesWithAFullSortIn2d() {
        double[][] v = new double[7][];
        for (int k = 0; k < 7; k++) {
            double angle = 2 * Math.PI * k / 7;
            v[k] = new double[] {Math.cos(angle) * (0.3 + 0.2 * k), Math.sin(angle)};
        }
        agreesWithFullSort(randomParticles(v, 300, 21), 22);
    }

    @Test
    void everyRankAgreesWithAFullSortIn3d() {
        double[][] v = {{0.1, -0.7, 0.3}, {1.0, 0.0, 0.0}, {-0.4, 0.25, 0.9}};
        agreesWithFullSort(randomParticles(v, 150, 31), 32);
    }

    @Test
    void clusteredParticlesStillRankExactly() {
        // Half the particles in a tiny interval: cells hold many particles, the secant model is poor.
        SplitMix64 random = new SplitMix64(41);
        int n = 300;
        double[] x = new double[n];
        int[] nodes = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? 0.3 + 1e-4 * random.nextDouble() : random.nextDouble();
            nodes[i] = i % 3;
        }
        agreesWithFullSort(new TopoParticles(new double[][] {{0.0}, {0.25}, {-0.5}}, x, nodes), 42);
    }

    /**
     * Dyadic positions, velocities and times make distances exact and ties plentiful: the answer has
     * the right key, and among particles tied at that key each is drawn equally often.
     */
    @Test
    void tiesAreBrokenUniformlyAmongExactlyTiedParticles() {
        double[][] v = {{0.0}, {0.25}, {-0.5}};
        int n = 48;
        double[] x = new double[n];
        int[] nodes = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 16) / 16.0;
            nodes[i] = i % 3;
        }
        TopoParticles p = new TopoParticles(v, x, nodes);
        SplitMix64 random = new SplitMix64(51);
        double t = 3.0;
        int particle = 5;
        double[] keys = sortedKeys(p, particle, t);
        for (int s = 1; s < n; s++) {
            assertEquals(keys[s - 1], p.distanceKey(particle, p.rankedNeighbour(particle, s, t, random), t), 0.0);
        }
        // Rank 10 sits inside a block of tied keys: count how often each tied particle is returned.
        int rank = 10;
        double key = keys[rank - 1];
        int[] tied = new int[n];
        int tiedCount = 0;
        for (int j = 0; j < n; j++) {
            if (j != particle && p.distanceKey(particle, j, t) == key) {
                tied[tiedCount++] = j;
            }
        }
        assertTrue(tiedCount >= 4, "the configuration must give a real tie, got " + tiedCount);
        long[] observed = new long[tiedCount];
        int draws = 400 * tiedCount;
        for (int e = 0; e < draws; e++) {
            int j = p.rankedNeighbour(particle, rank, t, random);
            int slot = 0;
            while (slot < tiedCount && tied[slot] != j) {
                slot++;
            }
            assertTrue(slot < tiedCount, "particle " + j + " is not among those tied at rank " + rank);
            observed[slot]++;
        }
        double[] expected = new double[tiedCount];
        Arrays.fill(expected, (double) draws / tiedCount);
        assertTrue(new ChiSquareTest().chiSquareTest(expected, observed) > 1e-3, Arrays.toString(observed));
    }
}
