/**
 * Random streams and variates of the particle simulators. {@link meanfield.validation.random.SplitMix64}
 * is {@link java.util.SplittableRandom}'s generator, draw for draw, with a state that can be saved
 * and restored, so that a checkpointed run continues bit for bit; the variates drawn from it in
 * inner loops ({@link meanfield.validation.random.NormalZiggurat}, the
 * {@link meanfield.validation.random.AliasTable}) are small enough for the JIT to inline (the JDK's
 * own Gaussian is not).
 */
package meanfield.validation.random;
