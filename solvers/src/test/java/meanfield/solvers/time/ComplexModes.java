package meanfield.solvers.time;

/** The exact flow of a diagonal linear part on complex modes (re, im interleaved), for test systems. */
final class ComplexModes {
    private ComplexModes() {
    }

    /** out = e^{dt L} in, L = diag(re[m] + i im[m]); out may be in. */
    static void propagate(double[] re, double[] im, double dt, double[] in, double[] out) {
        for (int m = 0; m < re.length; m++) {
            double g = Math.exp(re[m] * dt);
            double c = g * Math.cos(im[m] * dt);
            double s = g * Math.sin(im[m] * dt);
            double x = in[2 * m];
            double y = in[2 * m + 1];
            out[2 * m] = c * x - s * y;
            out[2 * m + 1] = c * y + s * x;
        }
    }
}
