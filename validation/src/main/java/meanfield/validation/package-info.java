/**
 * Particle systems (networks, topological and McKean–Vlasov particles), estimators, distances
 * between particle and continuum results, and the convergence and validation studies.
 */
package meanfield.validation;
