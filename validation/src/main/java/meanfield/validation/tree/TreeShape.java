package meanfield.validation.tree;

import java.util.Arrays;

/**
 * A rooted tree on vertices 0..n-1 (vertex m is vertex m + 1 of a spec), given by its parent array:
 * parent[0] = -1 (the root) and 0 <= parent[m] < m otherwise. Every rooted tree can be numbered so,
 * and this numbering makes cycles impossible to write and gives the order of message passing for
 * free: visiting m = n-1, ..., 1 reaches every vertex after all of its children.
 *
 * <p>Edges point from parent to child. An edge (k -> l) carries w_{i_k i_l}: the parent's neuron is
 * the postsynaptic one (a row of W), the child's the presynaptic one (a column), so a vertex's message
 * collects what its neuron receives from its children's neurons.
 *
 * <p>At most {@link #MAX_VERTICES} vertices: the suite offers the trees whose message passing its
 * tests check against the brute-force sum over all vertex tuples (all rooted trees up to 4 vertices).
 */
public final class TreeShape {
    public static final int MAX_VERTICES = 4;

    private final int[] parent;

    public TreeShape(int... parent) {
        int n = parent.length;
        if (n < 1 || n > MAX_VERTICES) {
            throw new IllegalArgumentException("a tree observable has 1 to " + MAX_VERTICES + " vertices, got " + n);
        }
        if (parent[0] != -1) {
            throw new IllegalArgumentException("vertex 1 is the root and needs parent -1, got " + parent[0]);
        }
        for (int m = 1; m < n; m++) {
            if (parent[m] < 0 || parent[m] >= m) {
                throw new IllegalArgumentException("the parent of vertex " + (m + 1) + " must be a vertex numbered before it, got parent index "
                        + parent[m] + " in " + Arrays.toString(parent));
            }
        }
        this.parent = parent.clone();
    }

    /** The path 1 -> 2 -> ... -> n rooted at 1. */
    public static TreeShape chain(int vertices) {
        checkCount(vertices, "chain");
        int[] parent = new int[vertices];
        for (int m = 0; m < vertices; m++) {
            parent[m] = m - 1;
        }
        return new TreeShape(parent);
    }

    /** The root 1 with the leaves 2..n. */
    public static TreeShape star(int vertices) {
        checkCount(vertices, "star");
        int[] parent = new int[vertices];
        Arrays.fill(parent, 1, vertices, 0);
        parent[0] = -1;
        return new TreeShape(parent);
    }

    private static void checkCount(int vertices, String kind) {
        if (vertices < 1 || vertices > MAX_VERTICES) {
            throw new IllegalArgumentException("a " + kind + " has 1 to " + MAX_VERTICES + " vertices, got " + vertices);
        }
    }

    public int vertices() {
        return parent.length;
    }

    /** The parent of vertex m (0-based), -1 for the root. */
    public int parent(int m) {
        return parent[m];
    }

    public int[] parents() {
        return parent.clone();
    }

    /** "chain" or "star" when the tree is one (on two vertices or fewer they coincide: "chain"), otherwise its parent array. */
    public String name() {
        if (equals(chain(vertices()))) {
            return "chain";
        }
        if (equals(star(vertices()))) {
            return "star";
        }
        return "tree" + Arrays.toString(parent);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeShape shape && Arrays.equals(parent, shape.parent);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parent);
    }

    @Override
    public String toString() {
        return name();
    }
}
