package meanfield.app.problem;

/**
 * The particles section of a problem (used by simulate and validate), checked when a
 * problem is read so that a mistake there is reported whatever the command.
 */
public record ParticleSettings(int n, String connectivity, double degree, double dt, long seed, int bins) {

    static ParticleSettings read(ConfigNode p) {
        int n = p.positiveInteger("n", 10000);
        String connectivity = p.choice("connectivity", "dense", "dense", "erdos-renyi", "file");
        double degree = p.positive("degree", 100);
        double dt = p.positive("dt", 1e-3);
        long seed = (long) p.number("seed", 1);
        int bins = p.positiveInteger("bins", 16);
        if (connectivity.equals("file")) {
            p.string("file", null);
        }
        return new ParticleSettings(n, connectivity, degree, dt, seed, bins);
    }
}
