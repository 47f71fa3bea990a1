package meanfield.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import meanfield.app.output.CheckpointFile;
import meanfield.app.output.DataFormat;
import meanfield.app.output.RunSummary;
import meanfield.app.problem.MvProblem;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.app.problem.TopoProblem;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.TeeSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.solvers.run.IncompatibleCheckpoint;

/**
 * The simulate pipeline for every model: per seed, the model's particle job streams its outputs
 * into {@code particles.h5} (or {@code particles_seed<S>.h5}; {@code .zarr} stores with
 * {@code output.format: zarr}) as they are reached, with checkpoints
 * when asked for; a resumed run continues each seed from its checkpoint, or from the start if it
 * never wrote one. Then plots and summary.json.
 */
final class SimulateRun {
    private final Problem problem;
    private final RunDirectory dir;
    private final int particles;
    private final List<Long> seeds;
    private final int threads;
    private final boolean quiet;
    private final double checkpointEvery;

    SimulateRun(Problem problem, RunDirectory dir, int particles, List<Long> seeds, int threads, boolean quiet,
            double checkpointEvery) {
        this.problem = problem;
        this.dir = dir;
        this.particles = particles;
        this.seeds = seeds;
        this.threads = threads;
        this.quiet = quiet;
        this.checkpointEvery = checkpointEvery;
    }

    private ParticleJob job(long seed) {
        if (problem.model() instanceof NifProblem nif) {
            return new NifParticles(nif, problem.particles(), particles, seed, threads);
        }
        if (problem.model() instanceof TopoProblem topo) {
            return new FieldParticles.Topo(topo, problem.particles(), particles, seed);
        }
        return new FieldParticles.Mv((MvProblem) problem.model(), problem.particles(), particles, seed, threads);
    }

    /** Runs every seed, continuing from checkpoints when {@code resume}; returns the exit status. */
    int execute(boolean resume, long start, PrintWriter out, PrintWriter err) {
        return StopSignal.during(() -> run(resume, start, out, err));
    }

    private int run(boolean resume, long start, PrintWriter out, PrintWriter err) {
        String name = problem.source().name();
        String yaml = problem.source().toYaml();
        MemoryBudget.require("--particles", MemoryBudget.particleBytes(problem, particles),
                "a run of " + particles + " particles" + (problem.model() instanceof NifProblem
                        ? " (" + problem.particles().connectivity() + " network)" : ""));
        // The first seed's job (its network, its settings checked) is built before anything is written.
        ParticleJob first = job(seeds.get(0));
        problem.output().check(first.layout());
        DataFormat format = problem.output().format();
        List<String> warnings = RunWarnings.of(problem.time(), threads);
        WarningSink warned = new WarningSink(warnings, err);
        dir.start(yaml, new RunDirectory.Settings("simulate", name, problem.source().directory(), checkpointEvery,
                particles, seeds));
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        String failure = null;
        EarlyEnd early = null;
        int reached = 0;
        double resumedFrom = Double.NaN;
        for (long seed : seeds) {
            String base = seeds.size() == 1 ? "particles" : "particles_seed" + seed;
            String file = format.file(base);
            Path data = dir.dir().resolve(file);
            Path checkpointFile = dir.checkpoint(seed, seeds.size());
            written.add(data);
            written.add(checkpointFile);
            ParticleJob job = seed == seeds.get(0) ? first : job(seed);
            RecordedResult memory = new RecordedResult();
            TeeSink sinks = new TeeSink(warned, problem.output().fields().applyTo(format.sink(data,
                    Map.of("problem", yaml, "version", Version.current()))), memory);
            CheckpointPolicy checkpoints = checkpointEvery > 0
                    ? new CheckpointPolicy(checkpointEvery, c -> CheckpointFile.write(checkpointFile, c)) : null;
            try (Progress progress = new Progress("simulate " + name + " seed " + seed, problem.time().end(), quiet)) {
                double from = start(job, resume, checkpointFile, data, format, memory, sinks, checkpoints, progress,
                        seed);
                resumedFrom = Double.isNaN(from) ? resumedFrom : from;
            } catch (InvalidModelException e) {
                // The model as given cannot be sampled or run (an initial density that is negative somewhere).
                throw new ProblemException(problem.model().keyOf(e.part()), e.getMessage());
            } catch (RunStopped e) {
                early = EarlyEnd.close(e, sinks, memory);
            } catch (OutOfMemoryError e) {
                early = EarlyEnd.close(e, sinks, memory);
            }
            reached = memory.outputCount();
            Map<String, Object> run = new LinkedHashMap<>();
            if (early != null) {
                // The job's own record exists only for a run that finished: the seed and its windows reached.
                run.put("seed", seed);
                run.put("outputs_reached", reached);
                run.put("file", file);
                runs.add(run);
                break;
            }
            run.putAll(job.summary());
            run.put("file", file);
            List<Path> plots = job.plots(dir.dir(), base, memory, problem.output().colourRanges());
            written.addAll(plots);
            run.put("files", plots.stream().map(p -> p.getFileName().toString()).toList());
            runs.add(run);
            if (job.failure().isPresent()) {
                failure = job.failure().get();
                break;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("particles", particles);
        summary.put("seeds", seeds);
        summary.put("threads", threads);
        summary.put("runs", runs);
        summary.put("files", RunFiles.listed(dir, written));
        if (!warnings.isEmpty()) {
            summary.put("warnings", warnings);
        }
        summary.put("completed", failure == null && early == null);
        if (early != null) {
            summary.put("stopped", early.reason());
        }
        if (!Double.isNaN(resumedFrom)) {
            summary.put("resumed_from", resumedFrom);
        }
        RunSummary.write(dir.dir().resolve("summary.json"), "simulate", name, problem.model().name(), start,
                problem.source().tree(), summary);
        if (early != null) {
            err.println(early.line(reached, dir.dir()));
            return early.status();
        }
        if (failure != null) {
            err.println("numerical failure: " + failure + "; the outputs reached are in " + dir.dir());
            return Main.NUMERICAL_FAILURE;
        }
        out.printf("simulated %s with %d particles, %d seed(s) (%.2f s); outputs in %s%n", name, particles, seeds.size(),
                (System.nanoTime() - start) * 1e-9, dir.dir());
        return 0;
    }

    /** Runs one seed from its checkpoint when resuming and it has one, else from t = 0; the checkpoint's time or NaN. */
    private double start(ParticleJob job, boolean resume, Path checkpointFile, Path data, DataFormat format,
            RecordedResult memory, TeeSink sinks, CheckpointPolicy checkpoints, Progress progress, long seed) {
        if (!resume || !Files.isRegularFile(checkpointFile)) {
            job.run(sinks, checkpoints, progress);
            return Double.NaN;
        }
        Checkpoint from = read(checkpointFile);
        format.replay(data, job.layout(), from.nextOutput(), memory);
        try {
            job.resume(from, sinks, checkpoints, progress);
        } catch (IncompatibleCheckpoint e) {
            throw new ProblemException("time", "cannot resume seed " + seed + ": " + e.getMessage());
        }
        return from.time();
    }

    private static Checkpoint read(Path file) {
        try {
            return CheckpointFile.read(file);
        } catch (IOException e) {
            throw new ProblemException(file.toString(), "cannot read the checkpoint: " + e.getMessage());
        }
    }
}
