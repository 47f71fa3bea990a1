package meanfield.validation.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitMix64Test {
    private static final int DRAWS = 10_000;

    /** Every kind of draw the simulators use, and a few more, compared bit for bit. */
    private static void assertSameStreams(RandomGenerator expected, RandomGenerator actual, String what) {
        for (int k = 0; k < DRAWS; k++) {
            assertEquals(expected.nextLong(), actual.nextLong(), what + " nextLong " + k);
        }
        for (int k = 0; k < DRAWS; k++) {
            assertEquals(Double.doubleToRawLongBits(expected.nextDouble()),
                    Double.doubleToRawLongBits(actual.nextDouble()), what + " nextDouble " + k);
        }
        for (int k = 0; k < DRAWS; k++) {
            assertEquals(Double.doubleToRawLongBits(expected.nextExponential()),
                    Double.doubleToRawLongBits(actual.nextExponential()), what + " nextExponential " + k);
        }
        for (int k = 0; k < DRAWS; k++) {
            assertEquals(expected.nextInt(), actual.nextInt(), what + " nextInt " + k);
            assertEquals(expected.nextInt(1000 + k), actual.nextInt(1000 + k), what + " nextInt(bound) " + k);
            assertEquals(Double.doubleToRawLongBits(expected.nextGaussian()),
                    Double.doubleToRawLongBits(actual.nextGaussian()), what + " nextGaussian " + k);
        }
        byte[] one = new byte[37];
        byte[] two = new byte[37];
        expected.nextBytes(one);
        actual.nextBytes(two);
        assertArrayEquals(one, two, what + " nextBytes");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -1, 0x510E527FADE682D1L, Long.MIN_VALUE})
    void theStreamsAndTheirSplitsAreThoseOfSplittableRandom(long seed) {
        SplittableRandom reference = new SplittableRandom(seed);
        SplitMix64 random = new SplitMix64(seed);
        // Splits interleaved with draws, nested twice, in the same order on both sides.
        SplittableRandom referenceChild = reference.split();
        SplitMix64 child = random.split();
        assertSameStreams(reference, random, "seed " + seed);
        SplittableRandom referenceGrandchild = referenceChild.split();
        SplitMix64 grandchild = child.split();
        assertSameStreams(referenceChild, child, "split of seed " + seed);
        assertSameStreams(referenceGrandchild, grandchild, "split of a split of seed " + seed);
        // About 2.5 % of gammas take mixGamma's fix-up for too few bit transitions: many splits cover it.
        for (int b = 0; b < 1000; b++) {
            assertEquals(reference.split().nextLong(), random.split().nextLong(), "split " + b);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 17})
    void aRestoredStreamContinuesIdentically(long seed) {
        SplitMix64 random = new SplitMix64(seed).split();
        for (int k = 0; k < 1234; k++) {
            random.nextExponential();
        }
        SplitMix64 restored = SplitMix64.restore(random.state());
        assertSameStreams(random, restored, "restored");
        assertEquals(random.split().nextLong(), restored.split().nextLong());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 2})
    void anEvenGammaIsNotAState(long gamma) {
        assertThrows(IllegalArgumentException.class, () -> SplitMix64.restore(new long[] {1, gamma}));
    }
}
