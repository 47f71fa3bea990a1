package meanfield.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import meanfield.app.Version;
import meanfield.app.problem.ProblemException;

/** The bench run: build the benchmarks jar if needed, run every step, write the report. */
public final class Bench {
    /** Exit status when a benchmark failed (the report of the others is still written). */
    public static final int SOME_FAILED = 1;

    private Bench() {
    }

    public static int run(boolean quick, Path out, PrintWriter stdout) throws IOException, InterruptedException {
        Path root = BenchmarksJar.checkoutOfThisApplication();
        BenchmarksJar jar = new BenchmarksJar(root);
        if (!jar.inCheckout()) {
            throw new ProblemException("bench", "needs the source checkout with the benchmarks module; " + root
                    + " has no benchmarks/pom.xml");
        }
        if (jar.stale()) {
            stdout.println("bench: building " + jar.jar() + " (missing or older than its sources)...");
            stdout.flush();
            jar.build();
        }
        Files.createDirectories(out);
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ChildRuns runs = new ChildRuns(jar.jar(), out, stdout);
        BrianPeer.Plan peer = BrianPeer.plan(root);
        for (BenchPlan.Step step : BenchPlan.steps(quick, out.toAbsolutePath(), peer.arguments())) {
            runs.run(step);
        }
        List<String> notes = new java.util.ArrayList<>(runs.notes());
        if (peer.skipped() != null) {
            notes.add(peer.skipped());
        }
        // NEST is not installable here (pip's index is unreachable and Debian has no package).
        notes.add("NEST not run: no package of it on this machine; benchmarks/peer/README.md says how to add it");
        for (WorkPrecision diagram : WorkPrecision.ALL) {
            diagram.write(runs.figures(), out).ifPresent(png -> notes.add("work-precision diagram of " + diagram.subject()
                    + ": " + png.getFileName()));
        }
        BenchReport report = new BenchReport(date, commit(root), quick, Machine.detect(), runs.figures(), notes);
        BenchReportWriter.write(report, out);
        stdout.println("bench: wrote " + out.resolve(BenchReportWriter.JSON) + " and " + out.resolve(BenchReportWriter.MARKDOWN));
        return runs.notes().isEmpty() ? 0 : SOME_FAILED;
    }

    /** {@code git rev-parse HEAD} of the checkout ("-dirty" if it has changes), else the commit stamped in the jar. */
    static String commit(Path root) {
        try {
            Process head = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String hash = new String(head.getInputStream().readAllBytes()).trim();
            if (head.waitFor() != 0 || hash.isEmpty()) {
                return Version.commit();
            }
            int clean = new ProcessBuilder("git", "-C", root.toString(), "diff", "--quiet", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            return clean == 0 ? hash : hash + "-dirty";
        } catch (IOException e) {
            return Version.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Version.commit();
        }
    }
}
