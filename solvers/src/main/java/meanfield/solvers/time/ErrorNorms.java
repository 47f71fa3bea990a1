package meanfield.solvers.time;

/** The default error norm of the system interfaces, shared so that they measure errors alike. */
final class ErrorNorms {
    private ErrorNorms() {
    }

    /**
     * max |a_i - b_i|; NaN if any difference is NaN, so that a non-finite state is reported as a
     * failure rather than accepted as a zero error (Math.max propagates NaN, a plain comparison would not).
     */
    static double maxDifference(double[] a, double[] b) {
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
