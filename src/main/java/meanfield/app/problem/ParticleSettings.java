package meanfield.app.problem;

import java.nio.file.Path;

import meanfield.solvers.model.SynapticKernel;

/**
 * The particles section of a problem (used by simulate and validate), checked when a problem
 * is read so that a mistake there is reported whatever the command.
 *
 * @param degree       mean in-degree (erdos-renyi), in-degree (fixed-in-degree), or in-degree per atom
 *                     (nearest-labels), where NaN stands for the default round(sqrt(N)) of the N run
 * @param file         the Matrix Market network for connectivity {@code file}, else null
 * @param vBins        v bins of validate's histograms of the potentials (NIF)
 * @param dt           the time step of the NIF and MV particles, and of the topological particles' time-stepped
 *                     method; NaN for the exact topological method, which has none
 * @param measureAtoms the atoms of a NIF measure kernel, 0 for any other kernel or model
 * @param method       how topological particles are simulated: {@link #EXACT} (event by event, the exact rank
 *                     law) or {@link #TIME_STEPPED} (approximate: the rank law on the configuration frozen
 *                     at each step start, 1D only); exact for the other models
 */
public record ParticleSettings(int n, String connectivity, double degree, double dt, long seed, int bins, Path file,
        int vBins, int measureAtoms, String method) {

    public static final String EXACT = "exact";
    public static final String TIME_STEPPED = "time-stepped";
    /** particles.dt's default for NIF and MV particles, which older builds also wrote for topological ones. */
    private static final double LEGACY_DEFAULT_DT = 1e-3;

    /** The connectivities that sample w(xi_i, xi_j) at pairs of labels, which a measure kernel does not have. */
    private static final java.util.Set<String> SAMPLED = java.util.Set.of("dense", "erdos-renyi", "fixed-in-degree");

    static ParticleSettings read(ConfigNode p, Path directory, ModelProblem model) {
        int atoms = model instanceof NifProblem nif && nif.model().kernel() instanceof SynapticKernel.Measure measure
                ? measure.size() : 0;
        int n = p.positiveInteger("n", 10000);
        String connectivity = p.choice("connectivity", atoms > 0 ? "nearest-labels" : "dense", "dense", "erdos-renyi",
                "fixed-in-degree", "nearest-labels", "file");
        if (atoms > 0 && SAMPLED.contains(connectivity)) {
            throw new ProblemException(p.key("connectivity"), "'" + connectivity + "' samples the kernel w(xi_i, xi_j)"
                    + " at pairs of labels, which a measure kernel (nif.kernel: {measure: ...}) does not have: use"
                    + " nearest-labels (its default) or file");
        }
        if (model instanceof NifProblem && atoms == 0 && connectivity.equals("nearest-labels")) {
            throw new ProblemException(p.key("connectivity"), "nearest-labels is the network of a measure kernel"
                    + " (nif.kernel: {measure: ...}), built from its maps T_k; for this kernel use dense, erdos-renyi,"
                    + " fixed-in-degree or file");
        }
        // nearest-labels without a degree grows it with N (--particles may change N after this is read).
        double degree = connectivity.equals("nearest-labels") && !p.has("degree") ? Double.NaN
                : p.positive("degree", 100);
        String method = model instanceof TopoProblem ? p.choice("method", EXACT, EXACT, TIME_STEPPED) : EXACT;
        double dt = model instanceof TopoProblem ? topoStep(p, method) : p.positive("dt", LEGACY_DEFAULT_DT);
        double seed = p.number("seed", 1);
        if (seed != Math.rint(seed)) {
            throw new ProblemException(p.key("seed"), "must be a whole number, got " + seed);
        }
        int bins = p.positiveInteger("bins", 16);
        int vBins = p.positiveInteger("v_bins", 40);
        Path file = connectivity.equals("file") ? directory.resolve(p.string("file", null)) : null;
        return new ParticleSettings(n, connectivity, degree, dt, (long) seed, bins, file, vBins, atoms, method);
    }

    /**
     * particles.dt of topological particles: required by the time-stepped method, refused for the exact
     * one (whose events are at their exact times), so that a step is never silently ignored.
     */
    private static double topoStep(ConfigNode p, String method) {
        if (method.equals(EXACT)) {
            // Builds before particles.method wrote the NIF/MV default dt = 0.001 into every resolved
            // problem, topological ones included, so a run directory of theirs holds it: that one value
            // is let through (and ignored) so that such runs still resume; any other step is refused.
            if (p.has("dt") && p.number("dt") != LEGACY_DEFAULT_DT) {
                throw new ProblemException(p.key("dt"), "is used only by " + p.key("method") + ": " + TIME_STEPPED
                        + " (the exact topological dynamics has no time step): remove it, or choose that method");
            }
            return Double.NaN;
        }
        if (!p.has("dt")) {
            throw new ProblemException(p.key("dt"), "missing required key: " + p.key("method") + ": " + TIME_STEPPED
                    + " needs the time step, for example 0.01 (its rank-law error is first order in dt)");
        }
        return p.positive("dt", Double.NaN);
    }

    /** Whether these are topological particles by the approximate time-stepped method. */
    public boolean timeStepped() {
        return method.equals(TIME_STEPPED);
    }

    /**
     * The in-degree per atom d of a nearest-labels network of n neurons: particles.degree rounded, or by
     * default round(sqrt(n)) (at least 1), which grows without bound while d / n vanishes, as the
     * mean-field limit of a measure kernel needs.
     */
    public int nearestDegree(long n) {
        return (int) Math.round(Double.isNaN(degree) ? Math.max(1, Math.sqrt(n)) : degree);
    }

    /** At most this many synapses in a nearest-labels network of n neurons (fewer where atoms overlap). */
    public double nearestSynapses(long n) {
        return (double) n * measureAtoms * nearestDegree(n);
    }

    /**
     * The memory of the network of n neurons this section describes, for the checks made before a run:
     * a float weight and an int index per synapse, in the outgoing lists only for a random network
     * (erdos-renyi, fixed-in-degree: WeightMatrix builds their rows only when read, and simulate and
     * validate do not read them), in both directions for the others. A file's size is known only once
     * it is read, and is checked against its entries then: 0 here.
     */
    public double networkBytes(long n) {
        return switch (connectivity) {
            case "erdos-renyi" -> 8.0 * n * degree;
            case "fixed-in-degree" -> 8.0 * n * Math.round(degree);
            case "nearest-labels" -> 16.0 * nearestSynapses(n);
            case "file" -> 0;
            default -> 16.0 * n * (n - 1);
        };
    }
}
