package meanfield.validation.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import meanfield.validation.network.WeightMatrix;

class NetworkTreeTest {
    private static final int N = 8;
    private static final DoubleUnaryOperator NU = v -> 5 / (1 + Math.exp(-(v - 1) / 0.2));

    /** All ordered pairs, the diagonal included, kept with probability p, weights uniform in [-0.5, 0.5): asymmetric. */
    private static WeightMatrix randomWeights(int n, double p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (random.nextDouble() < p) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        int[] rows = new int[pairs.size()];
        int[] columns = new int[pairs.size()];
        double[] values = new double[pairs.size()];
        for (int e = 0; e < values.length; e++) {
            rows[e] = pairs.get(e)[0];
            columns[e] = pairs.get(e)[1];
            values[e] = random.nextDouble() - 0.5;
        }
        return WeightMatrix.fromTriplets(n, n, rows, columns, values);
    }

    private static double[] randomPotentials(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -1 + 3 * random.nextDouble();
        }
        return v;
    }

    /** A different smooth function on each vertex, so that vertices cannot stand in for each other. */
    private static TreeObservable distinctFunctions(TreeShape shape) {
        List<VertexFunction> functions = new ArrayList<>();
        for (int m = 0; m < shape.vertices(); m++) {
            int shift = m;
            functions.add(new VertexFunction("p" + m, v -> Math.cos(v + 0.7 * shift) + 0.3 * shift));
        }
        return new TreeObservable(shape, functions);
    }

    private static void assertMatchesBruteForceButNotTranspose(WeightMatrix w, double[] v, TreeObservable observable) {
        double tau = NetworkTree.evaluate(w, v, observable);
        double[] exact = Trees.bruteForce(w, v, observable, false);
        assertEquals(exact[0], tau, 1e-13 * exact[1], observable.shape() + " " + observable);
        if (observable.vertices() > 1) {
            double[] transposed = Trees.bruteForce(w, v, observable, true);
            // Measured: the transposed sum differs by 1.2e-2 to 1.5 of the scale over all shapes and both matrices.
            assertTrue(Math.abs(transposed[0] - tau) > 1e-4 * exact[1], "the transposed orientation gives the same value on "
                    + observable.shape());
        }
    }

    @Test
    void messagePassingIsTheSumOverAllTuplesOnASparseAsymmetricNetworkWithSelfLoopsForEveryTreeUpToFourVertices() {
        WeightMatrix w = randomWeights(N, 0.35, 1);
        double[] v = randomPotentials(N, 2);
        for (TreeShape shape : Trees.allShapes()) {
            assertMatchesBruteForceButNotTranspose(w, v, distinctFunctions(shape));
        }
    }

    @Test
    void messagePassingIsTheSumOverAllTuplesOnADenseAsymmetricNetworkForEveryTreeUpToFourVertices() {
        WeightMatrix w = randomWeights(N, 1.0, 3);
        double[] v = randomPotentials(N, 4);
        for (TreeShape shape : Trees.allShapes()) {
            assertMatchesBruteForceButNotTranspose(w, v, distinctFunctions(shape));
        }
    }

    @Test
    void theSpecsOfTheMenuEvaluateToTheirSumsOverAllTuples() {
        WeightMatrix w = randomWeights(N, 0.5, 5);
        double[] v = randomPotentials(N, 6);
        for (String spec : List.of("chain:v", "chain:1,v,nu", "star:nu,1,1", "chain:nu,ind[0,1],v,1", "star:v,nu,ind[-0.5,0.5],v")) {
            TreeObservable observable = TreeSpec.parse(spec, NU);
            double[] exact = Trees.bruteForce(w, v, observable, false);
            assertEquals(exact[0], NetworkTree.evaluate(w, v, observable), 1e-13 * exact[1], spec);
        }
    }

    /** The one-particle average (1/N) sum_i prod over the vertices of a group of phi_m(V_i). */
    private static double average(TreeObservable observable, double[] v, List<Integer> group) {
        double sum = 0;
        for (double vi : v) {
            double product = 1;
            for (int m : group) {
                product *= observable.function(m).value(vi);
            }
            sum += product;
        }
        return sum / v.length;
    }

    /**
     * On w_ij = c/N for i != j, excluding i_k = i_l on every edge by inclusion–exclusion over edge sets S:
     * tau = c^E sum over S of (-1/N)^|S| prod over the groups of vertices that S merges of the group's
     * one-particle average. S = {} is the product of the one-particle averages; the rest are the
     * diagonal terms, O(1/N).
     */
    private static double completeGraphWithoutSelfLoops(TreeObservable observable, double[] v, double c) {
        int vertices = observable.vertices();
        int edges = vertices - 1;
        double total = 0;
        for (int set = 0; set < 1 << edges; set++) {
            // Edge m - 1 joins vertex m to its parent; parents come first, so one pass from the root
            // puts each child whose edge is in S into its parent's group.
            int[] group = new int[vertices];
            for (int m = 0; m < vertices; m++) {
                group[m] = m > 0 && (set & 1 << (m - 1)) != 0 ? group[observable.shape().parent(m)] : m;
            }
            double term = Math.pow(-1.0 / v.length, Integer.bitCount(set));
            for (int g = 0; g < vertices; g++) {
                List<Integer> members = new ArrayList<>();
                for (int m = 0; m < vertices; m++) {
                    if (group[m] == g) {
                        members.add(m);
                    }
                }
                if (!members.isEmpty()) {
                    term *= average(observable, v, members);
                }
            }
            total += term;
        }
        return Math.pow(c, edges) * total;
    }

    private static double productOfAverages(TreeObservable observable, double[] v) {
        double product = 1;
        for (int m = 0; m < observable.vertices(); m++) {
            product *= average(observable, v, List.of(m));
        }
        return product;
    }

    @Test
    void onACompleteGraphWithoutSelfLoopsTheObservablesAreProductsOfOneParticleAveragesUpToTheDiagonalTerms() {
        int n = 300;
        double cOverN = 1.7 / n;
        WeightMatrix w = WeightMatrix.dense(n, (xi, zeta) -> 1.7, 1);
        // The weights are floats: c is taken as N times the stored weight (exact in double).
        double c = n * w.weight(0, 1);
        assertEquals(cOverN, w.weight(0, 1), 1e-7 * cOverN);
        double[] v = randomPotentials(n, 7);
        for (TreeShape shape : Trees.allShapes()) {
            TreeObservable observable = distinctFunctions(shape);
            double tau = NetworkTree.evaluate(w, v, observable);
            assertEquals(completeGraphWithoutSelfLoops(observable, v, c), tau, 1e-13 * Math.pow(c, shape.vertices() - 1) * 4);
            // With |phi_m| <= 1 + 0.3 m the diagonal terms sum to at most ((1 + 1/N)^E - 1) c^E prod (1 + 0.3 m),
            // 0.19 for four vertices at N = 300; measured 3e-3 to 6e-3 for every tree.
            int edges = shape.vertices() - 1;
            double bound = (Math.pow(1 + 1.0 / n, edges) - 1) * Math.pow(c, edges);
            for (int m = 0; m < shape.vertices(); m++) {
                bound *= 1 + 0.3 * m;
            }
            assertEquals(Math.pow(c, edges) * productOfAverages(observable, v), tau, bound, shape.toString());
        }
    }

    @Test
    void onACompleteGraphWithSelfLoopsTheObservablesAreExactlyProductsOfOneParticleAverages() {
        int n = 40;
        int[] rows = new int[n * n];
        int[] columns = new int[n * n];
        double[] values = new double[n * n];
        for (int e = 0; e < n * n; e++) {
            rows[e] = e / n;
            columns[e] = e % n;
            values[e] = 0.9 / n;
        }
        WeightMatrix w = WeightMatrix.fromTriplets(n, n, rows, columns, values);
        double c = n * w.weight(0, 0);
        double[] v = randomPotentials(n, 8);
        for (TreeShape shape : Trees.allShapes()) {
            TreeObservable observable = distinctFunctions(shape);
            double expected = Math.pow(c, shape.vertices() - 1) * productOfAverages(observable, v);
            assertEquals(expected, NetworkTree.evaluate(w, v, observable), 1e-13 * 16, shape.toString());
        }
    }

    @Test
    void potentialsOfTheWrongLengthAreRefused() {
        WeightMatrix w = randomWeights(N, 0.5, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkTree.evaluate(w, new double[N - 1], TreeSpec.parse("chain:1,v", NU)));
        assertTrue(e.getMessage().contains("8 neurons"), e.getMessage());
    }
}
