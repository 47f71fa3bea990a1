package meanfield.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import meanfield.app.output.ColourRanges;
import meanfield.app.output.FieldPlots;
import meanfield.app.problem.MvProblem;
import meanfield.app.problem.ParticleSettings;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.TopoProblem;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.ResultSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.validation.mv.MvParticleRun;
import meanfield.validation.mv.MvSimulator;
import meanfield.validation.topo.TopoParticleRun;
import meanfield.validation.topo.TopoSimulator;

/** simulate for the models on the torus (topo, mv): the run into position histograms, and their plots. */
abstract class FieldParticles implements ParticleJob {
    private final int dimension;
    protected final long seed;

    FieldParticles(int dimension, long seed) {
        this.dimension = dimension;
        this.seed = seed;
    }

    @Override
    public List<Path> plots(Path dir, String stem, RecordedResult outputs, ColourRanges colours) {
        return densityPlots(dimension, dir, stem, outputs, colours);
    }

    /** Mass per bin divided by the bin volume: a density comparable with rho of solve. */
    static List<Path> densityPlots(int dimension, Path dir, String stem, RecordedResult outputs, ColourRanges colours) {
        if (outputs.outputCount() == 0) {
            return List.of();
        }
        double[] centres = outputs.layout().axis("x").values();
        double volume = Math.pow(1.0 / centres.length, dimension);
        return FieldPlots.rho(dir.resolve(stem), dimension, centres, outputs.times(), o -> {
            double[] density = outputs.get("position_hist", o).clone();
            for (int i = 0; i < density.length; i++) {
                density[i] /= volume;
            }
            return density;
        }, colours);
    }

    /** Topological particles: the exact event-driven dynamics. */
    static final class Topo extends FieldParticles {
        private final TopoSimulator simulator;
        private final TopoProblem topo;
        private final int bins;
        private TopoParticleRun run;

        Topo(TopoProblem topo, ParticleSettings p, int n, long seed) {
            this(topo, p.bins(), n, seed);
        }

        /** With this many position bins per axis instead of particles.bins (validate's fine histograms). */
        Topo(TopoProblem topo, int bins, int n, long seed) {
            super(topo.model().dimension(), seed);
            this.topo = topo;
            this.bins = bins;
            try {
                this.simulator = new TopoSimulator(topo.model(), n, seed);
            } catch (InvalidModelException e) {
                throw new ProblemException(topo.keyOf(e.part()), e.getMessage());
            }
        }

        @Override
        public ResultLayout layout() {
            return simulator.layout(topo.time().end(), topo.time().outputEvery(), bins);
        }

        @Override
        public void run(ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress) {
            run = simulator.simulate(topo.time().end(), topo.time().outputEvery(), bins, progress, sink, checkpoints);
        }

        @Override
        public void resume(Checkpoint from, ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress) {
            run = simulator.resume(from, topo.time().end(), topo.time().outputEvery(), bins, progress, sink, checkpoints);
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("seed", seed);
            summary.put("events", run.events());
            summary.put("velocity_changes", run.velocityChanges());
            return summary;
        }
    }

    /** McKean–Vlasov particles by Euler–Maruyama. */
    static final class Mv extends SimulatorJob<MvParticleRun> {
        private final int dimension;
        private final long seed;

        Mv(MvProblem mv, ParticleSettings p, int n, long seed, int threads) {
            this(mv, p, p.bins(), n, seed, threads);
        }

        /** With this many position bins per axis instead of particles.bins (validate's fine histograms). */
        Mv(MvProblem mv, ParticleSettings p, int bins, int n, long seed, int threads) {
            super(simulator(mv, p, bins, n, seed), threads);
            this.dimension = mv.model().dimension();
            this.seed = seed;
        }

        private static MvSimulator simulator(MvProblem mv, ParticleSettings p, int bins, int n, long seed) {
            try {
                return new MvSimulator(mv.model(), new MvSimulator.Settings(n, mv.time().end(), p.dt(),
                        mv.time().outputEvery(), bins, seed));
            } catch (InvalidModelException e) {
                throw new ProblemException(mv.keyOf(e.part()), e.getMessage());
            }
        }

        @Override
        public Optional<String> failure() {
            return run.failure();
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("seed", seed);
            summary.put("steps", run.steps());
            summary.put("fourier_modes", run.modes());
            summary.put("interaction_error_bound", run.interactionError());
            run.failure().ifPresent(f -> summary.put("failure", f));
            return summary;
        }

        @Override
        public List<Path> plots(Path dir, String stem, RecordedResult outputs, ColourRanges colours) {
            return densityPlots(dimension, dir, stem, outputs, colours);
        }
    }
}
