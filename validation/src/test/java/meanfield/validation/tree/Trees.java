package meanfield.validation.tree;

import java.util.ArrayList;
import java.util.List;

import meanfield.validation.network.WeightMatrix;

/** Test helpers: every offered tree, and the observable as the literal sum over all vertex tuples. */
final class Trees {
    private Trees() {
    }

    /** Every parent array with parent[0] = -1 and 0 <= parent[m] < m, 1 to 4 vertices: all rooted trees, some several times. */
    static List<TreeShape> allShapes() {
        List<TreeShape> shapes = new ArrayList<>();
        for (int n = 1; n <= TreeShape.MAX_VERTICES; n++) {
            addShapes(new int[n], 1, shapes);
        }
        return shapes;
    }

    private static void addShapes(int[] parent, int m, List<TreeShape> shapes) {
        if (m == parent.length) {
            parent[0] = -1;
            shapes.add(new TreeShape(parent));
            return;
        }
        for (int p = 0; p < m; p++) {
            parent[m] = p;
            addShapes(parent, m + 1, shapes);
        }
    }

    /**
     * {sum, sum of absolute terms}, where sum = (1/N) sum over i_1..i_n of prod over edges (k -> l) of
     * w_{i_k i_l} (w_{i_l i_k} if transposed) prod over m of phi_m(V_{i_m}), by enumerating the N^n tuples.
     */
    static double[] bruteForce(WeightMatrix w, double[] v, TreeObservable observable, boolean transposed) {
        int n = w.n();
        int vertices = observable.vertices();
        int[] index = new int[vertices];
        double sum = 0;
        double scale = 0;
        long tuples = (long) Math.pow(n, vertices);
        for (long t = 0; t < tuples; t++) {
            long rest = t;
            for (int m = 0; m < vertices; m++) {
                index[m] = (int) (rest % n);
                rest /= n;
            }
            double term = 1;
            for (int m = 0; m < vertices; m++) {
                term *= observable.function(m).value(v[index[m]]);
            }
            for (int c = 1; c < vertices; c++) {
                int parent = index[observable.shape().parent(c)];
                term *= transposed ? w.weight(index[c], parent) : w.weight(parent, index[c]);
            }
            sum += term;
            scale += Math.abs(term);
        }
        return new double[] {sum / n, scale / n};
    }
}
