package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #12's peer comparison (item 4), whole process against whole process: {@code ./meanfield
 * simulate benchmarks/peer/workload.yaml} on 1 and 2 threads against Brian2 running the same model
 * as its users write it ({@code benchmarks/peer/brian2_workload.py}, cython target, one core). Each
 * side is a fresh process timed from its start to its exit, so JVM start, problem reading, network
 * build, simulation and (for meanfield) the HDF5 file and the plots all count; Brian2's code
 * generation counts too, with Cython's compiled-code cache warm (a first, untimed Brian2 run fills
 * it, as any earlier run of the user's would have). meanfield runs through its launcher, as a user
 * starts it (JVM options, class-data archive), after an untimed {@code --version} that builds the jar
 * if a source is newer. The processes alternate, round by round, so
 * that a disturbance of the shared machine hits both; the figures are best over best.
 * <p>
 * Usage: {@code NifPeerWorkload --launcher MEANFIELD --workload YAML --brian2 SCRIPT [--python PY] [--rounds R]
 * [--quick] [--json FILE]}. {@code --quick} runs N = 4000, in-degree 100, T = 0.5 on both sides, one
 * round. The spike counts of both sides are printed as a check that they simulate the same model
 * (the networks are different draws of the same law, so the counts agree to sampling error only).
 */
public final class NifPeerWorkload {
    private static final Pattern RESULT = Pattern.compile(
            "RESULT brian2=(\\S+) target=(\\S+) build=(\\S+) run=(\\S+) spikes=(\\d+) synapses=(\\d+)");

    private NifPeerWorkload() {
    }

    /** One timed child process: its wall seconds and what it printed. */
    private record Timed(double seconds, String output) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path launcher = null;
        Path workload = null;
        Path brian2 = null;
        String python = "/usr/bin/python3";
        int rounds = 3;
        boolean quick = false;
        Path json = null;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--launcher" -> launcher = Path.of(value(args, ++a));
                case "--workload" -> workload = Path.of(value(args, ++a));
                case "--brian2" -> brian2 = Path.of(value(args, ++a));
                case "--python" -> python = value(args, ++a);
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++a));
                case "--quick" -> quick = true;
                case "--json" -> json = Figures.path(args, ++a);
                default -> usage();
            }
        }
        if (launcher == null || workload == null || brian2 == null) {
            usage();
        }
        if (quick) {
            rounds = 1;
        }
        int n = quick ? 4000 : 32_000;
        int degree = quick ? 100 : 500;
        double end = quick ? 0.5 : 4.0;
        Path scratch = Files.createTempDirectory("meanfield-peer");
        List<String> brianCommand = List.of(python, brian2.toString(), "--n", Integer.toString(n), "--degree",
                Integer.toString(degree), "--end", Double.toString(end), "--target", "cython");

        System.out.println("Launcher and Brian2 warm-up runs (a build if the jar is stale, the class-data archive,"
                + " Cython's cache; not timed)...");
        run(List.of(launcher.toString(), "--version"), scratch.resolve("launcher-warmup.log"));
        run(brianCommand, scratch.resolve("brian2-warmup.log"));
        double[] meanfield1 = new double[rounds];
        double[] meanfield2 = new double[rounds];
        double[] brian = new double[rounds];
        double brianBuild = Double.POSITIVE_INFINITY;
        double brianRun = Double.POSITIVE_INFINITY;
        String version = "?";
        for (int r = 0; r < rounds; r++) {
            meanfield1[r] = meanfield(launcher, workload, scratch, r, 1, n, degree, end);
            Timed b = run(brianCommand, scratch.resolve("brian2-" + r + ".log"));
            brian[r] = b.seconds();
            Matcher m = RESULT.matcher(b.output());
            if (!m.find()) {
                throw new IllegalStateException("Brian2 printed no RESULT line; its output:\n" + b.output());
            }
            version = m.group(1);
            brianBuild = Math.min(brianBuild, Double.parseDouble(m.group(3)));
            brianRun = Math.min(brianRun, Double.parseDouble(m.group(4)));
            System.out.printf(Locale.ROOT, "round %d: Brian2 %s %.2f s (build %s, run %s), %s spikes%n", r, version,
                    b.seconds(), m.group(3), m.group(4), m.group(5));
            meanfield2[r] = meanfield(launcher, workload, scratch, r, 2, n, degree, end);
        }

        String label = String.format(Locale.ROOT, "N = %d, ER in-degree %d, dt = 0.5 ms, T = %s, formulas as written", n,
                degree, end);
        String yardstick = "Brian2 " + version + " cython, 1 core, whole process (build + run)";
        double peer = min(brian);
        Figures figures = new Figures("NifPeerWorkload");
        figures.add(label, "meanfield simulate, 1 thread, whole process", min(meanfield1), "s", yardstick, peer, "s",
                min(meanfield1) / peer);
        figures.add(label, "meanfield simulate, 2 threads, whole process", min(meanfield2), "s", yardstick, peer, "s",
                min(meanfield2) / peer);
        figures.add(label, "Brian2 / meanfield, 1 thread (aim: at least 5)", peer / min(meanfield1), "x", null,
                Double.NaN, null, Double.NaN);
        figures.add(label, "Brian2 / meanfield, 2 threads (aim: at least 8)", peer / min(meanfield2), "x", null,
                Double.NaN, null, Double.NaN);
        figures.add(label, "Brian2 build (code generation with a warm cache, network, initial data)", brianBuild, "s",
                null, Double.NaN, null, Double.NaN);
        figures.add(label, "Brian2 network run", brianRun, "s", null, Double.NaN, null, Double.NaN);
        figures.write(json);
        System.out.printf(Locale.ROOT, "best of %d: meanfield %.2f s (1 thread), %.2f s (2 threads); Brian2 %.2f s;"
                + " Brian2 / meanfield %.2f (1 thread), %.2f (2 threads)%n", rounds, min(meanfield1), min(meanfield2),
                peer, peer / min(meanfield1), peer / min(meanfield2));
    }

    private static double meanfield(Path launcher, Path workload, Path scratch, int round, int threads, int n, int degree,
            double end) throws IOException, InterruptedException {
        Path out = scratch.resolve("meanfield-" + round + "-" + threads);
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "simulate", workload.toString(), "--threads",
                Integer.toString(threads), "--quiet", "--out", out.toString(), "--set", "particles.n=" + n, "--set",
                "particles.degree=" + degree, "--set", "time.end=" + end));
        Timed t = run(command, scratch.resolve(out.getFileName() + ".log"));
        String summary = Files.readString(out.resolve("summary.json"));
        Matcher spikes = Pattern.compile("\"total_spikes\"\\s*:\\s*(\\d+)").matcher(summary);
        System.out.printf(Locale.ROOT, "round %d: meanfield %d thread(s) %.2f s, %s spikes%n", round, threads,
                t.seconds(), spikes.find() ? spikes.group(1) : "?");
        return t.seconds();
    }

    private static Timed run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Both peers single-threaded in their numerics unless told otherwise (NumPy's BLAS, OpenMP).
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        long start = System.nanoTime();
        int status = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) * 1e-9;
        String output = Files.readString(log);
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + status + "):\n" + output);
        }
        return new Timed(seconds, output);
    }

    private static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double y : x) {
            m = Math.min(m, y);
        }
        return m;
    }

    private static String value(String[] args, int a) {
        if (a >= args.length) {
            usage();
        }
        return args[a];
    }

    private static void usage() {
        System.err.println("usage: NifPeerWorkload --launcher MEANFIELD --workload YAML --brian2 SCRIPT [--python PY]"
                + " [--rounds R] [--quick] [--json FILE]");
        System.exit(2);
    }
}
