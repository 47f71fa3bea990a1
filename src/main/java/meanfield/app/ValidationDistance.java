package meanfield.app;

import java.util.function.Function;

import meanfield.solvers.result.RecordedResult;
import meanfield.validation.study.SeedMean;

/**
 * One distance of {@code validate}: which particle observable it reads, how a continuum solution
 * becomes the matching observable on the same bins, and the metric between them. A new observable
 * (tree-indexed observables, say) is one more entry of a model's list.
 *
 * @param name        the key in summary.json and the table (error_rate, error_density, w1_v, ...)
 * @param formula     how it is measured, for the table footer and summary.json
 * @param particleKey the particle observable it reads (see {@link ValidationModel.ParticleRun#observables})
 * @param continuum   the continuum's observable from a solution (the variables kept for the study)
 * @param metric      the distance between a particle and a continuum observable
 * @param comparable  whether particle and continuum observables are the same kind of array, so that the
 *                    metric also measures the distance between two continua (grid error, network vs graphon)
 */
record ValidationDistance(String name, String formula, String particleKey, Function<RecordedResult, double[]> continuum,
        Metric metric, boolean comparable) {

    /** A distance between a particle observable and a continuum observable. */
    interface Metric {
        double distance(double[] particle, double[] continuum);

        /**
         * The distance of the seeds' observables taken together (the bias): by default their
         * elementwise mean; a metric on samples pools them instead.
         */
        default double pooled(double[][] particles, double[] continuum) {
            return distance(SeedMean.average(particles), continuum);
        }
    }
}
