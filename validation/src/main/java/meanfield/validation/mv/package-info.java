/**
 * McKean–Vlasov particles on the torus (MODEL.md 3) by Euler–Maruyama, with the interaction summed
 * through the first Fourier modes of Kf in O(N M^d) per step, multi-threaded and reproducible.
 */
package meanfield.validation.mv;
