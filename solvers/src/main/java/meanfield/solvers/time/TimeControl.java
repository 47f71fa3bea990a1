package meanfield.solvers.time;

/**
 * How a run advances: to {@code end}, stopping exactly at multiples of {@code outputEvery}
 * (and at end), with a fixed step {@code fixedStep} or, when that is NaN, an adaptive step
 * that keeps the local error estimate below {@code tolerance}.
 */
public record TimeControl(double end, double outputEvery, double fixedStep, double tolerance) {
    public TimeControl {
        if (!(end > 0) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("the end time must be positive, got " + end);
        }
        if (!(outputEvery > 0)) {
            throw new IllegalArgumentException("the output interval must be positive, got " + outputEvery);
        }
        if (!Double.isNaN(fixedStep) && !(fixedStep > 0)) {
            throw new IllegalArgumentException("the time step must be positive, got " + fixedStep);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("the tolerance must be positive, got " + tolerance);
        }
    }

    public boolean adaptive() {
        return Double.isNaN(fixedStep);
    }

    /**
     * Output times 0, outputEvery, 2 outputEvery, ..., end, each the double nearest to the decimal
     * product (3 x 0.1 is 0.3, not 0.30000000000000004): the output times then do not depend on the
     * end time, so a run continued to a later end passes through the same times as one that went
     * there at once.
     */
    public double[] outputTimes() {
        java.math.BigDecimal every = new java.math.BigDecimal(Double.toString(outputEvery));
        int n = (int) Math.floor(end / outputEvery * (1 + 1e-12));
        boolean endIsMultiple = Math.abs(n * outputEvery - end) <= 1e-12 * end;
        int count = endIsMultiple ? n + 1 : n + 2;
        double[] times = new double[count];
        for (int i = 0; i < count - 1; i++) {
            times[i] = every.multiply(java.math.BigDecimal.valueOf(i)).doubleValue();
        }
        times[count - 1] = end;
        return times;
    }
}
