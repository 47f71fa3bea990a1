package meanfield.validation.study;

/** The L1 distance of two histograms of mass per bin: sum_B |a_B - b_B|, the total variation times 2. */
final class MassDifference {
    private MassDifference() {
    }

    static double l1(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("histograms of " + a.length + " and " + b.length + " bins");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }
}
