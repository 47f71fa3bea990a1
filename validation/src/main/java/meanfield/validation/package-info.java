/**
 * Particle systems: networks, and the NIF, topological and McKean–Vlasov simulators with their
 * binned observables. The studies that compare them with the continuum are to come.
 */
package meanfield.validation;
