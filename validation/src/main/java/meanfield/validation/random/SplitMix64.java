package meanfield.validation.random;

import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator of {@link java.util.SplittableRandom} (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", 2014), reproduced exactly as the JDK 17 implements it,
 * with one addition: its state (seed, gamma) can be read and restored, which SplittableRandom does
 * not allow, so that a particle run can be checkpointed and continued bit for bit.
 *
 * <p>Only what SplittableRandom itself overrides is overridden here (nextLong, nextInt, split),
 * plus nextDouble in the form of RandomGenerator's default (the same value, without the interface
 * call); every other draw (nextExponential, nextGaussian, bounded ints, ...) is RandomGenerator's
 * default, as in SplittableRandom. So a SplitMix64 and a SplittableRandom built from the same seed, or
 * split in the same order, give identical streams of every kind of draw.
 */
public final class SplitMix64 implements RandomGenerator {
    /** The gamma of a generator built from a seed: the odd integer closest to 2^64 / phi. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    /** Odd: the increment of the seed (the Weyl sequence). */
    private final long gamma;

    public SplitMix64(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private SplitMix64(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** The state {seed, gamma}, from which {@link #restore} continues the same stream. */
    public long[] state() {
        return new long[] {seed, gamma};
    }

    /** The generator whose state {@link #state} returned. */
    public static SplitMix64 restore(long[] state) {
        if (state.length != 2 || (state[1] & 1) == 0) {
            throw new IllegalArgumentException("a SplitMix64 state is {seed, odd gamma}");
        }
        return new SplitMix64(state[0], state[1]);
    }

    /** A new generator whose stream is, for practical purposes, independent of this one's (advances this one by two). */
    public SplitMix64 split() {
        return new SplitMix64(nextLong(), mixGamma(nextSeed()));
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private long nextSeed() {
        return seed += gamma;
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Stafford's variant 4, upper 32 bits. */
    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd gamma from a seed; one with too few bit transitions (a poor Weyl increment) is flipped. */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
