/**
 * Fourier pieces for spectral solvers on the torus [0,1)^d: the periodic collocation grid, the
 * real-to-complex transform (cached JTransforms plans, half-spectrum layout) and Fourier multipliers.
 */
package meanfield.grids.fourier;
