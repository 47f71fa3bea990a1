package meanfield.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;

import meanfield.app.output.FieldPlots;
import meanfield.app.output.ParticleHistogramFile;
import meanfield.app.problem.MvProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.TopoProblem;
import meanfield.validation.mv.MvParticleRun;
import meanfield.validation.mv.MvSimulator;
import meanfield.validation.topo.TopoParticleRun;
import meanfield.validation.topo.TopoSimulator;

/** simulate for the models on the torus (topo, mv): the run, particles.h5 with its histograms, plots. */
final class FieldParticles {
    private FieldParticles() {
    }

    static Map<String, Object> simulate(Problem problem, int n, long seed, int threads, Path dir, String file,
            DoubleConsumer progress) {
        int bins = problem.particles().bins();
        double end = problem.time().end();
        double every = problem.time().outputEvery();
        String yaml = problem.source().toYaml();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("seed", seed);
        summary.put("file", file);
        int dimension;
        double[] times;
        double[][] histogram;
        double[] edges;
        try {
            if (problem.model() instanceof TopoProblem topo) {
                TopoParticleRun run = new TopoSimulator(topo.model(), n, seed).simulate(end, every, bins, progress);
                ParticleHistogramFile.writeTopo(dir.resolve(file), run, topo.model().dimension(), yaml,
                        Version.current());
                summary.put("events", run.events());
                summary.put("velocity_changes", run.velocityChanges());
                dimension = topo.model().dimension();
                times = run.times();
                histogram = run.positionHistogram();
                edges = run.xEdges();
            } else {
                MvProblem mv = (MvProblem) problem.model();
                MvSimulator.Settings settings = new MvSimulator.Settings(n, end, problem.particles().dt(), every, bins, seed);
                MvParticleRun run = new MvSimulator(mv.model(), settings).simulate(threads, progress);
                ParticleHistogramFile.writeMv(dir.resolve(file), run, mv.model().dimension(), yaml,
                        Version.current());
                summary.put("steps", run.steps());
                summary.put("fourier_modes", run.modes());
                summary.put("interaction_error_bound", run.interactionError());
                run.failure().ifPresent(f -> summary.put("failure", f));
                dimension = mv.model().dimension();
                times = run.times();
                histogram = run.positionHistogram();
                edges = run.xEdges();
            }
        } catch (IllegalArgumentException e) {
            throw new ProblemException("particles", e.getMessage());
        }
        double[] centres = new double[edges.length - 1];
        double width = 1.0 / centres.length;
        for (int b = 0; b < centres.length; b++) {
            centres[b] = 0.5 * (edges[b] + edges[b + 1]);
        }
        // Mass per bin divided by the bin volume: a density comparable with rho of solve.
        double volume = Math.pow(width, dimension);
        FieldPlots.rho(dir.resolve(file.replace(".h5", "")), dimension, centres, times, o -> {
            double[] density = histogram[o].clone();
            for (int i = 0; i < density.length; i++) {
                density[i] /= volume;
            }
            return density;
        });
        return summary;
    }
}
