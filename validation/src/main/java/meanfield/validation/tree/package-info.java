/**
 * Tree-indexed observables (Jabin–Zhou's statistical objects): for a rooted tree with a test function
 * per vertex, the network value from the weights and potentials and the continuum value from the kernel
 * and the density, both by message passing from the leaves to the root; the parser of their specs.
 */
package meanfield.validation.tree;
