package meanfield.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import meanfield.app.output.CheckpointFile;
import meanfield.app.output.DataFormat;
import meanfield.app.output.RunSummary;
import meanfield.app.problem.ModelProblem;
import meanfield.app.problem.Problem;
import meanfield.app.problem.ProblemException;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.TeeSink;
import meanfield.solvers.run.Checkpoint;
import meanfield.solvers.run.CheckpointPolicy;
import meanfield.solvers.run.Driver;
import meanfield.solvers.run.IncompatibleCheckpoint;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.RunOutcome;
import meanfield.solvers.run.SemiDiscretization;
import meanfield.solvers.time.Scheme;
import meanfield.solvers.time.Schemes;

/**
 * The solve pipeline for every model: the problem's discretization and scheme on the generic
 * driver, outputs streamed into {@code solution.h5} ({@code solution.zarr} with {@code output.format:
 * zarr}; the variables of {@code output.fields}) as they are reached (and kept in memory, all of them,
 * for the plots), checkpoints when asked for, then plots and summary.json.
 */
final class SolveRun {
    /** The data file's name without the format's extension. */
    static final String SOLUTION = "solution";

    private final Problem problem;
    private final RunDirectory dir;
    private final int threads;
    private final boolean quiet;
    private final double checkpointEvery;

    /** @param checkpointEvery simulated time between checkpoints, or 0 for none */
    SolveRun(Problem problem, RunDirectory dir, int threads, boolean quiet, double checkpointEvery) {
        this.problem = problem;
        this.dir = dir;
        this.threads = threads;
        this.quiet = quiet;
        this.checkpointEvery = checkpointEvery;
    }

    /** The driver of a problem's discretization with its scheme (time.scheme, or the discretization's default). */
    static Driver driver(ModelProblem model, SemiDiscretization system) {
        Scheme chosen = Schemes.named(model.scheme() != null ? model.scheme() : system.defaultScheme())
                .orElseThrow(() -> new IllegalStateException("the default scheme of " + model.name()
                        + " is not in the registry"));
        return new Driver(system, chosen, model.time(), List.of());
    }

    /**
     * Solves in memory on one thread, no files, keeping the named variables: a level of a study. A
     * model that cannot be solved is a user error naming its key.
     */
    static RecordedRun inMemory(ModelProblem model, java.util.Set<String> kept, boolean lastOnly) {
        return inMemory(model, kept, lastOnly, java.util.function.UnaryOperator.identity());
    }

    /** Like {@link #inMemory(ModelProblem, java.util.Set, boolean)}, the outputs passing through {@code view} on their way. */
    static RecordedRun inMemory(ModelProblem model, java.util.Set<String> kept, boolean lastOnly,
            java.util.function.UnaryOperator<meanfield.solvers.result.ResultSink> view) {
        try (ColumnPool pool = new ColumnPool(1)) {
            SemiDiscretization system = model.discretize(pool);
            RecordedResult memory = new RecordedResult(kept, lastOnly);
            RunOutcome outcome = driver(model, system).run(view.apply(memory));
            return new RecordedRun(memory, outcome);
        } catch (InvalidModelException e) {
            throw new ProblemException(model.keyOf(e.part()), e.getMessage());
        }
    }

    /** A level of a study against a manufactured solution: its run and the solution it was forced to. */
    record ManufacturedRun(RecordedRun run, ManufacturedSolution solution) {
    }

    /** Like {@link #inMemory}, on the problem's discretization forced to its manufactured solution. */
    static ManufacturedRun manufactured(ModelProblem model, java.util.Set<String> kept, boolean lastOnly) {
        try (ColumnPool pool = new ColumnPool(1)) {
            ManufacturedSolution solution = model.manufactured(pool);
            RecordedResult memory = new RecordedResult(kept, lastOnly);
            RunOutcome outcome = driver(model, solution.discretization()).run(memory);
            return new ManufacturedRun(new RecordedRun(memory, outcome), solution);
        } catch (InvalidModelException e) {
            throw new ProblemException(model.keyOf(e.part()), e.getMessage());
        }
    }

    /** Runs from t = 0 ({@code from} null) or from a checkpoint; returns the exit status. */
    int execute(Checkpoint from, long start, PrintWriter out, PrintWriter err) {
        return StopSignal.during(() -> run(from, start, out, err));
    }

    private int run(Checkpoint from, long start, PrintWriter out, PrintWriter err) {
        ModelProblem model = problem.model();
        String name = problem.source().name();
        String yaml = problem.source().toYaml();
        MemoryBudget.require("grid", MemoryBudget.streamedSolveBytes(model, model.time().outputTimes().length),
                "solving " + name + " on this grid with its outputs");
        List<String> warnings = new java.util.ArrayList<>();
        DataFormat format = problem.output().format();
        Path solution = dir.dir().resolve(format.file(SOLUTION));
        RecordedResult memory = new RecordedResult();
        RunOutcome outcome = null;
        EarlyEnd early = null;
        String scheme;
        double step;
        try (ColumnPool pool = new ColumnPool(threads);
                Progress progress = new Progress("solve " + name, model.time().end(), quiet)) {
            // Built before anything is written: a model refused here leaves no directory behind.
            SemiDiscretization system = model.discretize(pool);
            problem.output().check(system.layout());
            Driver driver = driver(model, system).withProgress(progress);
            scheme = driver.scheme().name();
            step = driver.fixedStep();
            dir.start(yaml, new RunDirectory.Settings("solve", name, problem.source().directory(), checkpointEvery, 0,
                    List.of()));
            warnings.addAll(RunWarnings.of(model.time(), threads));
            if (checkpointEvery > 0) {
                driver.withCheckpoints(new CheckpointPolicy(checkpointEvery,
                        c -> CheckpointFile.write(dir.checkpoint(), c)));
            }
            TeeSink sinks = new TeeSink(new WarningSink(List.copyOf(warnings), err), problem.output().fields()
                    .applyTo(format.sink(solution, Map.of("problem", yaml, "version", Version.current()))), memory);
            try {
                if (from == null) {
                    outcome = driver.run(sinks);
                } else {
                    format.replay(solution, system.layout(), from.nextOutput(), memory);
                    outcome = driver.resume(from, sinks);
                }
            } catch (IncompatibleCheckpoint e) {
                throw new ProblemException("time", "cannot resume: " + e.getMessage());
            } catch (RunStopped e) {
                early = EarlyEnd.close(e, sinks, memory);
            } catch (OutOfMemoryError e) {
                early = EarlyEnd.close(e, sinks, memory);
            }
        } catch (InvalidModelException e) {
            // The model as given cannot be discretized or started (checked when the system is built and at t = 0).
            throw new ProblemException(model.keyOf(e.part()), e.getMessage());
        }
        int reached = memory.outputCount();
        if (early != null) {
            outcome = new RunOutcome(reached > 0 ? memory.time(reached - 1) : Double.NaN, reached, step, 0, 0,
                    java.util.Optional.of(early.reason()), Map.of());
        }
        RecordedRun run = new RecordedRun(memory, outcome);
        List<Path> plots = early == null ? SolutionPlots.write(model, dir.dir(), run, problem.output().colourRanges()) : List.of();
        List<String> plotWarnings = early == null ? SolutionPlots.warnings(model, run) : List.of();
        RunWarnings.print(plotWarnings, err);
        warnings.addAll(plotWarnings);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("solver", model.solver());
        summary.put("scheme", scheme);
        summary.put("t_end", outcome.timeReached());
        if (early == null) {
            summary.put("steps", outcome.steps());
            summary.put("rejected_steps", outcome.rejectedSteps());
        }
        if (!Double.isNaN(step)) {
            summary.put("dt", outcome.fixedStep());
        }
        summary.putAll(outcome.summary());
        summary.put("grid", model.gridSummary());
        List<Path> written = new java.util.ArrayList<>(List.of(solution, dir.checkpoint()));
        written.addAll(plots);
        summary.put("files", RunFiles.listed(dir, written));
        if (!warnings.isEmpty()) {
            summary.put("warnings", warnings);
        }
        summary.put("threads", threads);
        summary.put("completed", outcome.failure().isEmpty());
        if (early != null) {
            summary.put("stopped", early.reason());
        } else {
            outcome.failure().ifPresent(f -> summary.put("failure", f));
        }
        if (from != null) {
            summary.put("resumed_from", from.time());
        }
        RunSummary.write(dir.dir().resolve("summary.json"), "solve", name, model.name(), start,
                problem.source().tree(), summary);
        if (early != null) {
            err.println(early.line(reached, dir.dir()));
            return early.status();
        }
        if (outcome.failure().isPresent()) {
            err.println("numerical failure: " + outcome.failure().get() + "; the outputs up to t = "
                    + outcome.timeReached() + " are in " + dir.dir());
            return Main.NUMERICAL_FAILURE;
        }
        out.printf("solved %s to t = %s in %d steps (%.2f s); outputs in %s%n", name, outcome.timeReached(),
                outcome.steps(), (System.nanoTime() - start) * 1e-9, dir.dir());
        return 0;
    }
}
