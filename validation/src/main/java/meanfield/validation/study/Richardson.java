package meanfield.validation.study;

/**
 * Richardson extrapolation of a refinement sequence with ratio r: from three levels the observed
 * order p = log(|u_c - u_m| / |u_m - u_f|) / log r, and from the two finest the extrapolated
 * u = u_f + (u_f - u_m) / (r^p - 1), all at the same points (the caller restricts first).
 */
public final class Richardson {
    private Richardson() {
    }

    /** The order from the differences coarse - middle and middle - fine (norms), refined by ratio. */
    public static double order(double coarseDifference, double fineDifference, double ratio) {
        return Math.log(coarseDifference / fineDifference) / Math.log(ratio);
    }

    /** u_f + (u_f - u_m) / (r^p - 1) at every point. */
    public static double[] extrapolate(double[] fine, double[] middle, double ratio, double order) {
        if (fine.length != middle.length) {
            throw new IllegalArgumentException("fields of " + fine.length + " and " + middle.length + " values");
        }
        double denominator = Math.pow(ratio, order) - 1;
        if (!(denominator > 0) || !Double.isFinite(denominator)) {
            throw new IllegalArgumentException("no extrapolation at order " + order + " and ratio " + ratio);
        }
        double[] out = new double[fine.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fine[i] + (fine[i] - middle[i]) / denominator;
        }
        return out;
    }
}
