package meanfield.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child processes of a bench run: JMH over every kernel, then each whole-run benchmark, all
 * with machine-readable output into the run's folder. The quick plan runs every benchmark method
 * once at its smallest size (one 200 ms warm-up and one 200 ms iteration) and the whole runs with their own
 * {@code --quick}; the full plan is {@code benchmarks/run.sh}'s.
 */
final class BenchPlan {
    /** One child process: a name for its log and result file, and the arguments after {@code java -cp JAR}. */
    record Step(String name, List<String> arguments, Path result, boolean jmh) {
    }

    /** The whole-run mains, in the order they run. */
    static final List<String> WHOLE_RUNS = List.of("NifParticlesRun", "NifWholeRun", "TopoWholeRun",
            "TopoParticlesRun", "MvParticlesRun", "NifWorkPrecision", "TopoWorkPrecision", "StationaryRun");

    private BenchPlan() {
    }

    /**
     * The steps of a run into {@code dir}; {@code peer} holds the arguments of the Brian2 comparison
     * ({@link BrianPeer}), or is null when it is skipped.
     */
    static List<Step> steps(boolean quick, Path dir, List<String> peer) {
        List<Step> steps = new ArrayList<>();
        Path jmhResult = dir.resolve("jmh.json");
        List<String> jmh = new ArrayList<>(List.of("org.openjdk.jmh.Main", "-f", "1"));
        if (quick) {
            jmh.addAll(List.of("-wi", "1", "-w", "200ms", "-i", "1", "-r", "200ms",
                    "-p", "shape=1:256:32", "-p", "grid=p2:256", "-p", "kibPerArray=1536"));
        } else {
            jmh.addAll(List.of("-wi", "5", "-i", "10", "-w", "1s", "-r", "1s"));
        }
        jmh.addAll(List.of("-rf", "json", "-rff", jmhResult.toString()));
        steps.add(new Step("jmh", jmh, jmhResult, true));
        for (String main : WHOLE_RUNS) {
            Path result = dir.resolve(main + ".json");
            List<String> arguments = new ArrayList<>(List.of("meanfield.benchmarks." + main));
            if (quick) {
                arguments.add("--quick");
            }
            arguments.addAll(List.of("--json", result.toString()));
            steps.add(new Step(main, arguments, result, false));
        }
        if (peer != null) {
            Path result = dir.resolve(BrianPeer.MAIN + ".json");
            List<String> arguments = new ArrayList<>(List.of("meanfield.benchmarks." + BrianPeer.MAIN));
            arguments.addAll(peer);
            if (quick) {
                arguments.add("--quick");
            }
            arguments.addAll(List.of("--json", result.toString()));
            steps.add(new Step(BrianPeer.MAIN, arguments, result, false));
        }
        return steps;
    }
}
