package meanfield.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import meanfield.app.output.NifParticlesFile;
import meanfield.app.output.NifParticlePlots;
import meanfield.app.problem.MatrixMarket;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.ParticleSettings;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.validation.network.Connectivity;
import meanfield.validation.network.WeightMatrix;
import meanfield.validation.nif.NifParticleRun;
import meanfield.validation.nif.NifSimulator;

/** simulate for model nif: the network from the particles section, the run, particles.h5 and plots. */
final class NifParticles {
    private NifParticles() {
    }

    /** Builds the network the particles section describes (N neurons, seeded). */
    static WeightMatrix network(Problem problem, int n, long seed, int threads) {
        ParticleSettings p = problem.particles();
        NifProblem nif = (NifProblem) problem.model();
        try {
            return switch (p.connectivity()) {
                case "file" -> {
                    MatrixMarket m = MatrixMarket.read("particles.file", p.file());
                    if (m.rows() != n) {
                        throw new ProblemException("particles.file", p.file() + " holds " + m.rows()
                                + " neurons but the run asks for " + n + " (particles.n or --particles)");
                    }
                    yield WeightMatrix.fromTriplets(m.rows(), m.columns(), m.rowIndex(), m.columnIndex(), m.values());
                }
                case "erdos-renyi" -> WeightMatrix.sample(n, nif.model().kernel(), new Connectivity.ErdosRenyi(p.degree()),
                        seed, threads);
                case "fixed-in-degree" -> WeightMatrix.sample(n, nif.model().kernel(),
                        new Connectivity.FixedInDegree((int) Math.round(p.degree())), seed, threads);
                default -> WeightMatrix.sample(n, nif.model().kernel(), new Connectivity.Dense(), seed, threads);
            };
        } catch (IllegalArgumentException e) {
            // InvalidModelException included: a network that cannot be built from these settings.
            throw new ProblemException("particles", e.getMessage());
        }
    }

    static Map<String, Object> simulate(Problem problem, int n, long seed, int threads, Path dir, String file,
            DoubleConsumer progress) {
        ParticleSettings p = problem.particles();
        NifProblem nif = (NifProblem) problem.model();
        WeightMatrix network = network(problem, n, seed, threads);
        NifSimulator simulator;
        NifParticleRun run;
        try {
            NifSimulator.Settings settings = new NifSimulator.Settings(nif.time().end(), p.dt(),
                    nif.time().outputEvery(), Math.min(p.bins(), n), seed);
            simulator = new NifSimulator(nif.model(), network, nif.v(), settings);
            run = simulator.simulate(threads, progress);
        } catch (IllegalArgumentException e) {
            throw new ProblemException("particles", e.getMessage());
        }
        NifParticlesFile.write(dir.resolve(file), run, problem.source().toYaml(), Version.current());
        String stem = file.replace(".h5", "");
        NifParticlePlots.write(dir, stem, run);
        WeightMatrix.Scaling scaling = network.scaling();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seed", seed);
        summary.put("file", file);
        summary.put("steps", run.steps());
        summary.put("total_spikes", run.totalSpikes());
        summary.put("spike_decisions", simulator.spikeDecisions());
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
}
