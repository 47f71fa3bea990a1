package meanfield.validation.study;

/**
 * The mean over seeds of a per-run number and its standard error s / sqrt(K) (s the sample standard
 * deviation over the K seeds; NaN for one seed), and the elementwise mean of per-run observables.
 */
public record SeedMean(double mean, double stderr) {

    public static SeedMean of(double[] values) {
        int k = values.length;
        if (k == 0) {
            throw new IllegalArgumentException("a mean over no seeds");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= k;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double stderr = k > 1 ? Math.sqrt(squares / (k - 1) / k) : Double.NaN;
        return new SeedMean(mean, stderr);
    }

    /** The seed-averaged observable: element i is the mean of observables[s][i] over the seeds s, summed in seed order. */
    public static double[] average(double[][] observables) {
        double[] mean = new double[observables[0].length];
        for (double[] o : observables) {
            if (o.length != mean.length) {
                throw new IllegalArgumentException("observables of " + mean.length + " and " + o.length + " values");
            }
            for (int i = 0; i < mean.length; i++) {
                mean[i] += o[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= observables.length;
        }
        return mean;
    }
}
