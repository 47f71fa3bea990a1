package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParticleLevelsTest {
    @Test
    void countsGrowByTheFactorAndAreWholeNumbers() {
        assertArrayEquals(new int[] {1000, 4000, 16000, 64000}, ParticleLevels.counts(1000, 4, 4));
        assertArrayEquals(new int[] {3, 5, 8}, ParticleLevels.counts(3, 1.6, 3));
    }

    @Test
    void aFactorThatDoesNotGrowNIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ParticleLevels.counts(2, 1.2, 3));
    }

    @Test
    void everyLevelRunsSeedsOneToK() {
        List<ParticleLevels.Run> runs = ParticleLevels.runs(new int[] {10, 20}, 3);
        assertEquals(6, runs.size());
        assertEquals(new ParticleLevels.Run(0, 10, 1), runs.get(0));
        assertEquals(new ParticleLevels.Run(0, 10, 3), runs.get(2));
        assertEquals(new ParticleLevels.Run(1, 20, 1), runs.get(3));
    }
}
