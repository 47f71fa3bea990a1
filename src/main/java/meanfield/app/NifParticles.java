package meanfield.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import meanfield.app.output.ColourRanges;
import meanfield.app.output.NifParticlePlots;
import meanfield.app.problem.MatrixMarket;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.ParticleSettings;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.validation.network.Connectivity;
import meanfield.validation.network.WeightMatrix;
import meanfield.validation.nif.NifParticleRun;
import meanfield.validation.nif.NifSimulator;

/** simulate for model nif: the network of the particles section and the network run. */
final class NifParticles extends SimulatorJob<NifParticleRun> {
    private final WeightMatrix network;
    private final NifSimulator simulator;
    private final long seed;

    NifParticles(NifProblem nif, ParticleSettings p, int n, long seed, int threads) {
        this(nif, network(nif, p, n, seed, threads), p, n, seed, threads);
    }

    /** On a network built beforehand (validate hands the same one to the solver as its step kernel). */
    NifParticles(NifProblem nif, WeightMatrix network, ParticleSettings p, int n, long seed, int threads) {
        this(network, simulator(nif, network, p, n, seed), seed, threads);
    }

    private NifParticles(WeightMatrix network, NifSimulator simulator, long seed, int threads) {
        super(simulator, threads);
        this.network = network;
        this.simulator = simulator;
        this.seed = seed;
    }

    private static NifSimulator simulator(NifProblem nif, WeightMatrix network, ParticleSettings p, int n, long seed) {
        try {
            NifSimulator.Settings settings = new NifSimulator.Settings(nif.time().end(), p.dt(),
                    nif.time().outputEvery(), Math.min(p.bins(), n), seed);
            return new NifSimulator(nif.model(), network, nif.v(), settings);
        } catch (InvalidModelException e) {
            // The settings as given describe no run (dt above the horizon, more bins than neurons).
            throw new ProblemException(nif.keyOf(e.part()), e.getMessage());
        }
    }

    /** The network the particles section describes (N neurons, seeded); a file is read here, built in validation. */
    static WeightMatrix network(NifProblem nif, ParticleSettings p, int n, long seed, int threads) {
        if (p.connectivity().equals("file")) {
            MatrixMarket m = MatrixMarket.read("particles.file", p.file());
            if (m.rows() != n) {
                throw new ProblemException("particles.file", p.file() + " holds " + m.rows()
                        + " neurons but the run asks for " + n + " (particles.n or --particles)");
            }
            try {
                return WeightMatrix.fromTriplets(m.rows(), m.columns(), m.rowIndex(), m.columnIndex(), m.values());
            } catch (InvalidModelException e) {
                throw new ProblemException("particles.file", e.getMessage());
            }
        }
        Connectivity connectivity = switch (p.connectivity()) {
            case "erdos-renyi" -> new Connectivity.ErdosRenyi(p.degree());
            case "fixed-in-degree" -> new Connectivity.FixedInDegree((int) Math.round(p.degree()));
            case "nearest-labels" -> new Connectivity.NearestLabels(p.nearestDegree(n));
            default -> new Connectivity.Dense();
        };
        try {
            return WeightMatrix.sample(n, nif.model().kernel(), connectivity, seed, threads);
        } catch (InvalidModelException e) {
            // A degree outside [1, N), a kernel that is not finite on the labels: settings that build no network.
            throw new ProblemException(nif.keyOf(e.part()), e.getMessage());
        }
    }

    WeightMatrix network() {
        return network;
    }

    /** Copies the potentials at these window edges of the run (see {@link NifSimulator#snapshotAt}). */
    void snapshotAt(meanfield.validation.nif.PotentialSnapshots snapshots) {
        simulator.snapshotAt(snapshots);
    }

    /** The edges of the output windows in time. */
    double[] windowEdges() {
        return simulator.windowEdges();
    }

    @Override
    public Optional<String> failure() {
        return run.failure();
    }

    @Override
    public Map<String, Object> summary() {
        WeightMatrix.Scaling scaling = network.scaling();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seed", seed);
        summary.put("steps", run.steps());
        summary.put("total_spikes", run.totalSpikes());
        summary.put("spike_decisions", simulator.spikeDecisions());
        summary.put("drift_evaluation", simulator.driftEvaluation());
        summary.put("synapses", network.synapses());
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("max_row_sum", scaling.maxRowSum());
        scale.put("max_column_sum", scaling.maxColumnSum());
        scale.put("max_weight", scaling.maxWeight());
        scale.put("mean_in_degree", scaling.meanInDegree());
        summary.put("network_scaling", scale);
        run.failure().ifPresent(f -> summary.put("failure", f));
        return summary;
    }

    @Override
    public List<Path> plots(Path dir, String stem, RecordedResult outputs, ColourRanges colours) {
        int windows = outputs.outputCount();
        if (windows == 0) {
            return List.of();
        }
        double[][] rate = new double[windows][];
        for (int w = 0; w < windows; w++) {
            rate[w] = outputs.get("rate", w);
        }
        ResultLayout layout = outputs.layout();
        // A resumed run holds only its own windows: the plots take every window from the outputs.
        NifParticleRun whole = new NifParticleRun(Arrays.copyOf(layout.axis("window_edges").values(), windows + 1),
                layout.axis("label_edges").values(), rate, layout.variables().stream()
                        .filter(v -> v.name().equals("label")).findFirst().orElseThrow().values(),
                run.finalPotentials(), run.spikeCounts(), run.steps(), run.failure(), run.spikeTimes(),
                run.spikeNeurons(), 0);
        return NifParticlePlots.write(dir, stem, whole, colours);
    }
}
