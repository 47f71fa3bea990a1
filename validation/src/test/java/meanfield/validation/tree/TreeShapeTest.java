package meanfield.validation.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TreeShapeTest {

    @Test
    void chainsAndStarsHaveTheirParentArrays() {
        assertArrayEquals(new int[] {-1, 0, 1, 2}, TreeShape.chain(4).parents());
        assertArrayEquals(new int[] {-1, 0, 0, 0}, TreeShape.star(4).parents());
        assertEquals(TreeShape.chain(2), TreeShape.star(2));
        assertEquals("chain", TreeShape.star(2).name());
        assertEquals("star", TreeShape.star(3).name());
        assertEquals("tree[-1, 0, 0, 1]", new TreeShape(-1, 0, 0, 1).name());
        // The 1, 1, 2 and 4 rooted trees of 1 to 4 vertices, numbered parents first in 1, 1, 2 and 6 ways.
        assertEquals(10, Trees.allShapes().size());
    }

    @Test
    void moreThanFourVerticesAreRefusedWithTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreeShape.chain(5));
        assertEquals("a chain has 1 to 4 vertices, got 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TreeShape.star(0));
        assertEquals("a star has 1 to 4 vertices, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TreeShape(-1, 0, 1, 2, 3));
        assertTrue(e.getMessage().contains("1 to 4 vertices, got 5"), e.getMessage());
    }

    @Test
    void parentArraysMustPutTheRootFirstAndEachParentBeforeItsChildren() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TreeShape(0, -1));
        assertTrue(e.getMessage().contains("vertex 1 is the root"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TreeShape(-1, 2, 0));
        assertTrue(e.getMessage().contains("the parent of vertex 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TreeShape(-1, 1));
        assertTrue(e.getMessage().contains("the parent of vertex 2"), e.getMessage());
    }
}
