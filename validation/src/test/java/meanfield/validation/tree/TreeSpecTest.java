package meanfield.validation.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class TreeSpecTest {
    private static final DoubleUnaryOperator NU = v -> 2 * v + 3;

    @Test
    void theDocumentedSpecsGiveTheirShapesAndFunctions() {
        TreeObservable chain = TreeSpec.parse("chain:1,v,nu", NU);
        assertEquals(TreeShape.chain(3), chain.shape());
        assertEquals(1.0, chain.function(0).value(0.7));
        assertEquals(0.7, chain.function(1).value(0.7));
        assertEquals(4.4, chain.function(2).value(0.7), 1e-15);

        TreeObservable star = TreeSpec.parse("star:nu,1,1", NU);
        assertEquals(TreeShape.star(3), star.shape());
        assertEquals(3.0, star.function(0).value(0));

        TreeObservable indicators = TreeSpec.parse(" chain : ind[ -0.5 , 1e-1 ] , ind[0.1,inf] ", NU);
        assertEquals(TreeShape.chain(2), indicators.shape());
        assertEquals(1.0, indicators.function(0).value(-0.5));
        assertEquals(0.0, indicators.function(0).value(0.1));
        assertEquals(1.0, indicators.function(1).value(0.1));
        assertEquals(1.0, indicators.function(1).value(1e300));

        assertEquals(TreeShape.star(4), TreeSpec.parse("star:v,v,v,v", NU).shape());
        assertEquals(1, TreeSpec.parse("chain:v", NU).vertices());
    }

    @Test
    void aLabelParsesBackToTheSameObservable() {
        for (String spec : new String[] {"chain:1,v,nu", "star:nu,1,ind[-inf,0.0]", "chain:ind[-0.5,0.1],ind[0.1,Infinity]"}) {
            String label = TreeSpec.parse(spec.replace("Infinity", "inf"), NU).label();
            assertEquals(label, TreeSpec.parse(label, NU).label());
        }
        assertEquals("star:nu,1,ind[-inf,0.0]", TreeSpec.parse("star:nu,1,ind[-inf,0]", NU).label());
    }

    private static void assertRefused(String spec, String fault) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreeSpec.parse(spec, NU), spec);
        assertTrue(e.getMessage().startsWith("tree observable \"" + spec + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(fault), e.getMessage());
    }

    @Test
    void malformedSpecsAreRefusedWithTheSpecAndTheFault() {
        assertRefused("chain", "no ':'");
        assertRefused("", "no ':'");
        assertRefused("tree:1,v", "unknown shape \"tree\" (expected chain or star)");
        assertRefused("chain:", "no test function at vertex 1");
        assertRefused("chain:1,,v", "no test function at vertex 2");
        assertRefused("star:1,v,", "no test function at vertex 3");
        assertRefused("chain:1,v,nu,1,v", "5 test functions, one per vertex, but trees have at most 4 vertices");
        assertRefused("star:x", "unknown test function \"x\" at vertex 1 (expected 1, v, nu or ind[a,b])");
        assertRefused("chain:1,IND[0,1]", "unknown test function \"IND[0,1]\" at vertex 2");
        assertRefused("chain:ind[a,b]", "unknown test function \"ind[a,b]\"");
        assertRefused("chain:ind[0]", "unknown test function \"ind[0]\"");
        assertRefused("chain:ind[1,0]", "the indicator \"ind[1,0]\" at vertex 1 needs a < b");
        assertRefused("chain:ind[1,1]", "needs a < b");
        assertRefused("chain:ind[0,1", "a '[' without its ']'");
        assertRefused("chain:1,v]", "a ']' without its '['");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreeSpec.parse(null, NU));
        assertTrue(e.getMessage().contains("no spec given"), e.getMessage());
    }
}
