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
import meanfield.validation.topo.TopoTimeStepped;

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

    /**
     * Topological particles: the exact event-driven dynamics, or with particles.method: time-stepped the
     * approximate method whose rank law uses the configuration frozen at each step start (1D only).
     */
    static final class Topo extends FieldParticles {
        /** One of the two is null, by particles.method. */
        private final TopoSimulator exact;
        private final TopoTimeStepped stepped;
        private final TopoProblem topo;
        private final int bins;
        private TopoParticleRun run;

        Topo(TopoProblem topo, ParticleSettings p, int n, long seed) {
            this(topo, p, p.bins(), n, seed);
        }

        /** With this many position bins per axis instead of particles.bins (validate's fine histograms). */
        Topo(TopoProblem topo, ParticleSettings p, int bins, int n, long seed) {
            super(topo.model().dimension(), seed);
            this.topo = topo;
            this.bins = bins;
            try {
                if (p.timeStepped()) {
                    if (topo.model().dimension() != 1) {
                        throw new ProblemException("particles.method", "time-stepped is 1D only, this problem has"
                                + " topo.dimension " + topo.model().dimension() + ": use exact");
                    }
                    this.exact = null;
                    this.stepped = new TopoTimeStepped(topo.model(), n, p.dt(), seed);
                } else {
                    this.exact = new TopoSimulator(topo.model(), n, seed);
                    this.stepped = null;
                }
            } catch (InvalidModelException e) {
                throw new ProblemException(topo.keyOf(e.part()), e.getMessage());
            }
        }

        @Override
        public ResultLayout layout() {
            return exact != null ? exact.layout(topo.time().end(), topo.time().outputEvery(), bins)
                    : stepped.layout(topo.time().end(), topo.time().outputEvery(), bins);
        }

        @Override
        public void run(ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress) {
            if (exact != null) {
                run = exact.simulate(topo.time().end(), topo.time().outputEvery(), bins, progress, sink, checkpoints);
            } else {
                run = stepped.simulate(topo.time().end(), topo.time().outputEvery(), bins, progress, sink, checkpoints);
            }
        }

        @Override
        public void resume(Checkpoint from, ResultSink sink, CheckpointPolicy checkpoints, DoubleConsumer progress) {
            if (exact != null) {
                run = exact.resume(from, topo.time().end(), topo.time().outputEvery(), bins, progress, sink, checkpoints);
            } else {
                run = stepped.resume(from, topo.time().end(), topo.time().outputEvery(), bins, progress, sink,
                        checkpoints);
            }
        }

        @Override
        public Optional<String> failure() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("seed", seed);
            summary.put("method", exact != null ? ParticleSettings.EXACT : ParticleSettings.TIME_STEPPED);
            summary.put("approximate", exact == null);
            if (stepped != null) {
                summary.put("dt", stepped.dt());
                summary.put("steps", stepped.steps());
            }
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
