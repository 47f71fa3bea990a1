package meanfield.validation.tree;

import java.util.List;
import java.util.stream.Collectors;

/** A tree with a test function on each vertex (functions.get(m) on vertex m, the root first). */
public record TreeObservable(TreeShape shape, List<VertexFunction> functions) {

    public TreeObservable {
        functions = List.copyOf(functions);
        if (functions.size() != shape.vertices()) {
            throw new IllegalArgumentException("a tree of " + shape.vertices() + " vertices needs as many test functions, got "
                    + functions.size());
        }
    }

    public int vertices() {
        return shape.vertices();
    }

    public VertexFunction function(int m) {
        return functions.get(m);
    }

    /** The spec of a chain or star ("chain:1,v,nu"), which {@link TreeSpec#parse} reads back. */
    public String label() {
        return shape.name() + ":" + functions.stream().map(VertexFunction::name).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return label();
    }
}
