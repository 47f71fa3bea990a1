package meanfield.app;

import java.io.PrintWriter;

import meanfield.app.problem.ProblemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code ./meanfield COMMAND ...}. */
@Command(name = "meanfield", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Mean-field limits of large interacting systems: solvers, particle systems, studies.",
        subcommands = {SolveCommand.class, SimulateCommand.class, ResumeCommand.class, ConvergeCommand.class,
            ValidateCommand.class, StationaryCommand.class, meanfield.app.sweep.SweepCommand.class,
            ProblemsCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    /** A user error: bad file, unknown key, value out of range, formula that does not parse. */
    public static final int USER_ERROR = 2;
    /** A numerical failure: the outputs up to it are kept. */
    public static final int NUMERICAL_FAILURE = 3;
    /** Stopped by SIGTERM or Ctrl-C: the outputs reached are kept (128 + SIGINT, as shells report Ctrl-C). */
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: solve, simulate, resume, converge, validate, stationary, sweep, problems, bench");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        WarmUp.startFor(args);
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit status; used by the tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            return USER_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ProblemException) {
                err.println("error: " + e.getMessage());
                return USER_ERROR;
            }
            throw e;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through. A solve or simulate reports this itself with the outputs it kept.
            err.println("error: " + EarlyEnd.outOfMemory(e));
            return NUMERICAL_FAILURE;
        }
    }
}
