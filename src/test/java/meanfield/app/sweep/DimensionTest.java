package meanfield.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import meanfield.app.problem.ProblemException;

class DimensionTest {
    @Test
    void aDecimalRangeReachesItsEndExactly() {
        Dimension d = Dimension.parse("parameters.J0=0:0.1:1");
        assertEquals(11, d.values().size());
        assertEquals("0.3", d.values().get(3));
        assertEquals("1", d.values().get(10));
        assertEquals(List.of("4", "3.5", "3"), Dimension.parse("k=4:-0.5:3").values());
    }

    @Test
    void listsKeepTheirOrderAndNumbersTheirValueOnly() {
        assertEquals(List.of("0.1", "0.05", "1000", "spectral"), Dimension.parse("k=0.10, 0.05,1e3,spectral").values());
    }

    @Test
    void repeatedValuesAndAZeroStepAreRefused() {
        assertEquals("--vary k: a value is given twice in '0.1,0.10'",
                assertThrows(ProblemException.class, () -> Dimension.parse("k=0.1,0.10")).getMessage());
        assertEquals("--vary k: the range 0:0:1 has step 0",
                assertThrows(ProblemException.class, () -> Dimension.parse("k=0:0:1")).getMessage());
    }

    @Test
    void shardsPartitionTheTaskIndices() {
        int[] hits = new int[10];
        for (int i = 1; i <= 3; i++) {
            Shard s = Shard.parse(i + "/3");
            for (int t = 0; t < 10; t++) {
                hits[t] += s.contains(t) ? 1 : 0;
            }
        }
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), java.util.Arrays.stream(hits).boxed().toList());
    }
}
