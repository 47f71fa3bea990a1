/**
 * Random variates that the particle simulators draw in their inner loops, small enough for the JIT
 * to inline (the JDK's own Gaussian is not).
 */
package meanfield.validation.random;
