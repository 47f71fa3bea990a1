package meanfield.validation.mv;

import java.util.Optional;

/**
 * What a McKean–Vlasov particle run produced, in memory: the arrays of {@code particles.h5}
 * (PROBLEMS.md) and the particles' positions at the start and the end.
 *
 * @param times              the output times (nt)
 * @param xEdges             the bin edges along each axis on [0, 1] (nb + 1)
 * @param positionHistogram  positionHistogram[o][bin]: mass (particles / N) per bin at output o, nb^d bins
 *                           indexed row-major with the first axis slowest
 * @param initialPositions   X_i(0), N x d
 * @param finalPositions     X_i at the last output, N x d, unwrapped: the continuous lift to R^d
 *                           (X mod 1 is the position on the torus), so displacements are X(t) - X(0)
 * @param steps              Euler–Maruyama steps taken
 * @param modes              M, the largest |k_a| of the Fourier modes of Kf kept
 * @param interactionError   bound on the truncation error of each drift component (FourierInteraction)
 * @param failure            why the run stopped early, if it did
 */
public record MvParticleRun(double[] times, double[] xEdges, double[][] positionHistogram, double[] initialPositions,
        double[] finalPositions, int steps, int modes, double interactionError, Optional<String> failure) {

    public int outputCount() {
        return times.length;
    }
}
