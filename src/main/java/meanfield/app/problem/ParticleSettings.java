package meanfield.app.problem;

import java.nio.file.Path;

/**
 * The particles section of a problem (used by simulate and validate), checked when a problem
 * is read so that a mistake there is reported whatever the command.
 *
 * @param file  the Matrix Market network for connectivity {@code file}, else null
 * @param vBins v bins of validate's histograms of the potentials (NIF)
 */
public record ParticleSettings(int n, String connectivity, double degree, double dt, long seed, int bins, Path file, int vBins) {

    static ParticleSettings read(ConfigNode p, Path directory) {
        int n = p.positiveInteger("n", 10000);
        String connectivity = p.choice("connectivity", "dense", "dense", "erdos-renyi", "fixed-in-degree", "file");
        double degree = p.positive("degree", 100);
        double dt = p.positive("dt", 1e-3);
        double seed = p.number("seed", 1);
        if (seed != Math.rint(seed)) {
            throw new ProblemException(p.key("seed"), "must be a whole number, got " + seed);
        }
        int bins = p.positiveInteger("bins", 16);
        int vBins = p.positiveInteger("v_bins", 40);
        Path file = connectivity.equals("file") ? directory.resolve(p.string("file", null)) : null;
        return new ParticleSettings(n, connectivity, degree, dt, (long) seed, bins, file, vBins);
    }
}
