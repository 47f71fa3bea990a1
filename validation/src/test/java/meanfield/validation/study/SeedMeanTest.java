package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedMeanTest {
    /** {1, 2, 3, 4}: mean 2.5, sample standard deviation sqrt(5/3), standard error sqrt(5/3)/2. */
    @Test
    void meanAndStandardErrorOfFourSeeds() {
        SeedMean m = SeedMean.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, m.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3) / 2, m.stderr(), 1e-15);
    }

    @Test
    void oneSeedHasNoStandardError() {
        assertTrue(Double.isNaN(SeedMean.of(new double[] {0.3}).stderr()));
    }

    @Test
    void observablesAreAveragedElementwise() {
        assertArrayEquals(new double[] {2, 0.5}, SeedMean.average(new double[][] {{1, 0}, {3, 1}}), 1e-15);
    }
}
