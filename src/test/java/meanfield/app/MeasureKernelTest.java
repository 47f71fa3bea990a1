package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;

/**
 * Measure kernels end to end ({@code nif.kernel: {measure: [...]}}, examples/nif-measure.yaml): solve
 * with a self-coupling delta is the diagonal cell-averaged kernel with the same J = a r(xi), simulate
 * builds the nearest-labels network, validate shows the particles approaching the measure-kernel
 * continuum as N grows, and bad input is one line naming the key, exit 2.
 */
class MeasureKernelTest {
    private static final String[] SMALL = {"--quiet", "--set", "grid.v.cells=50", "--set", "grid.xi.cells=8", "--set",
        "time.end=0.3", "--set", "time.output_every=0.1"};

    @TempDir
    Path tmp;

    /** A file of examples/, found from the module's directory upwards (Maven runs the tests in src/). */
    static Path example(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("examples").resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new AssertionError("no examples/" + name + " above " + Path.of("").toAbsolutePath());
    }

    private CommandRunner run(String command, String problem, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, problem, "--out", tmp.resolve(out).toString()));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(extra));
        return CommandRunner.run(args.toArray(String[]::new));
    }

    private static double[][] rates(Path out) {
        try (HdfFile h5 = new HdfFile(out.resolve("solution.h5"))) {
            return (double[][]) h5.getDatasetByPath("rate").getData();
        }
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void aSelfCouplingDeltaSolvesAsTheDiagonalKernelWithJEqualToARate() throws IOException {
        // w(xi, d zeta) = 0.3 delta(zeta - xi): J_k = 0.3 r_k, what the cell-averaged kernel 0.3 M on the
        // diagonal gives (J_k = (1/M) w_kk r_k); M = 8, a power of 2, makes both the same doubles.
        int cells = 8;
        StringBuilder matrix = new StringBuilder("%%MatrixMarket matrix coordinate real general\n");
        matrix.append(cells).append(' ').append(cells).append(' ').append(cells).append('\n');
        for (int k = 1; k <= cells; k++) {
            matrix.append(String.format(Locale.ROOT, "%d %d %s%n", k, k, 0.3 * cells));
        }
        Files.writeString(tmp.resolve("diagonal.mtx"), matrix);
        String problem = example("nif-measure.yaml").toString();
        CommandRunner delta = run("solve", problem, "delta", "--set", "nif.kernel={measure: [{weight: \"0.3\", map: \"xi\"}]}");
        assertEquals(0, delta.status(), delta.err());
        CommandRunner diagonal = run("solve", problem, "diagonal", "--set", "nif.kernel={matrix: " + tmp.resolve("diagonal.mtx") + "}");
        assertEquals(0, diagonal.status(), diagonal.err());
        CommandRunner shifted = run("solve", problem, "shifted");
        assertEquals(0, shifted.status(), shifted.err());
        double[][] a = rates(tmp.resolve("delta"));
        double[][] b = rates(tmp.resolve("diagonal"));
        double[][] c = rates(tmp.resolve("shifted"));
        assertEquals(4, a.length);
        for (int t = 0; t < a.length; t++) {
            for (int l = 0; l < cells; l++) {
                assertEquals(b[t][l], a[t][l], 1e-12, "t index " + t + ", label " + l);
            }
        }
        // The example's own measure (shift and doubling) couples the labels otherwise.
        assertTrue(Math.abs(c[3][0] - a[3][0]) > 1e-3, "the maps have no effect");
        assertTrue(summary(tmp.resolve("shifted")).get("completed").asBoolean());
    }

    @Test
    void simulateBuildsTheNearestLabelsNetworkWithDGrowingLikeTheRootOfN() throws IOException {
        String problem = example("nif-measure.yaml").toString();
        String single = "nif.kernel={measure: [{weight: \"0.6\", map: \"xi + 0.25\"}]}";
        CommandRunner r = run("simulate", problem, "sim", "--particles", "400", "--set", single);
        assertEquals(0, r.status(), r.err());
        JsonNode run = summary(tmp.resolve("sim")).get("runs").get(0);
        // d = round(sqrt(400)) = 20 inputs each, weight 0.6 / 20, row sums 0.6.
        assertEquals(400 * 20, run.get("synapses").asInt());
        JsonNode scaling = run.get("network_scaling");
        assertEquals(0.6 / 20, scaling.get("max_weight").asDouble(), 1e-8);
        assertEquals(0.6, scaling.get("max_row_sum").asDouble(), 1e-6);
        assertEquals(20.0, scaling.get("mean_in_degree").asDouble(), 0.0);
        assertTrue(run.get("total_spikes").asInt() > 0);
        CommandRunner given = run("simulate", problem, "degree", "--particles", "400", "--set", single, "--set",
                "particles.degree=5");
        assertEquals(0, given.status(), given.err());
        assertEquals(400 * 5, summary(tmp.resolve("degree")).get("runs").get(0).get("synapses").asInt());
    }

    @Test
    void particlesOnTheNearestLabelsNetworkApproachTheMeasureKernelContinuum() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate", example("nif-measure.yaml").toString(), "--particles",
                "250,1000,4000", "--quiet", "--out", tmp.resolve("validate").toString(), "--set", "grid.v.cells=100",
                "--set", "grid.xi.cells=16", "--set", "time.end=1", "--set", "time.output_every=0.05", "--set",
                "particles.bins=8"));
        CommandRunner r = CommandRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        JsonNode s = summary(tmp.resolve("validate"));
        JsonNode runs = s.get("runs");
        StringBuilder measured = new StringBuilder();
        for (String error : List.of("error_rate_limit", "error_density_limit", "error_rate")) {
            for (int l = 1; l < runs.size(); l++) {
                assertTrue(runs.get(l).get(error).asDouble() < 0.7 * runs.get(l - 1).get(error).asDouble(),
                        error + " does not fall with N: " + runs);
            }
        }
        for (JsonNode run : runs) {
            // The continuum on each network's step kernel is within 1e-2 of the measure kernel's (measured
            // 1.3e-3 to 7.5e-4): a network listening at the wrong labels would be O(0.1) away.
            assertTrue(run.get("network_graphon").asDouble() < 1e-2, run.toString());
            measured.append(run.get("particles").asInt()).append(": ").append(run.get("error_rate_limit").asDouble())
                    .append("; ");
        }
        // Sampling noise falls like N^-1/2; the network's bias (windows of width N^-1/2) faster.
        assertEquals(-0.5, s.get("fitted_exponent").asDouble(), 0.15, measured.toString());
    }

    static Stream<Arguments> badMeasures() {
        return Stream.of(
                Arguments.of("an empty list", "{measure: []}", "nif.kernel.measure: must list at least one atom"),
                Arguments.of("a measure that is not a list", "{measure: {weight: \"1\", map: \"xi\"}}",
                        "nif.kernel.measure: must be a list"),
                Arguments.of("an atom that is not a mapping", "{measure: [\"xi\"]}",
                        "nif.kernel.measure[0]: must be a mapping of keys"),
                Arguments.of("an atom without a weight", "{measure: [{map: \"xi + 0.5\"}]}",
                        "nif.kernel.measure[0].weight: missing required key"),
                Arguments.of("an atom without a map", "{measure: [{weight: \"1\", map: \"xi\"}, {weight: \"0.5\"}]}",
                        "nif.kernel.measure[1].map: missing required key"),
                Arguments.of("a map that does not parse", "{measure: [{weight: \"1\", map: \"xi\"}, {weight: \"1\", map: \"2 * (xi\"}]}",
                        "nif.kernel.measure[1].map: formula '2 * (xi' does not parse"),
                Arguments.of("a weight in zeta", "{measure: [{weight: \"zeta\", map: \"xi\"}]}",
                        "nif.kernel.measure[0].weight: formula 'zeta' does not parse"),
                Arguments.of("a weight in v", "{measure: [{weight: \"0.5 * v\", map: \"xi\"}]}",
                        "(variables allowed here: xi)"),
                Arguments.of("an unknown key in an atom", "{measure: [{weight: \"1\", map: \"xi\", delay: 0.1}]}",
                        "nif.kernel.measure[0].delay: unknown key"),
                Arguments.of("a misspelled key in an atom", "{measure: [{wieght: \"1\", map: \"xi\"}]}",
                        "did you mean 'nif.kernel.measure[0].weight'?"),
                Arguments.of("a weight not finite on a label", "{measure: [{weight: \"1 / (xi - 0.4375)\", map: \"xi\"}]}",
                        "nif.kernel: measure[0]: the weight a(xi) = Infinity is not finite at xi = 0.4375"),
                Arguments.of("an unknown kernel form", "{measures: []}", "(known: a formula, matrix, network, measure)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMeasures")
    void badMeasureKernelsAreOneLineNamingTheKey(String what, String kernel, String expected) {
        CommandRunner r = run("solve", example("nif-measure.yaml").toString(), "bad", "--set", "nif.kernel=" + kernel);
        assertRefused(r, expected);
    }

    private void assertRefused(CommandRunner r, String expected) {
        assertEquals(Main.USER_ERROR, r.status(), () -> "stderr: " + r.err());
        assertTrue(r.err().contains(expected), () -> "the message should say '" + expected + "': " + r.err());
        assertEquals(1, r.err().strip().lines().count(), () -> "one line, no stack trace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("bad")), "a refused run left its directory");
    }

    @Test
    void aNetworkThatSamplesPairsOfLabelsIsRefusedForAMeasureAndNearestLabelsForAFunction() {
        String problem = example("nif-measure.yaml").toString();
        assertRefused(run("simulate", problem, "bad", "--set", "particles.connectivity=erdos-renyi"),
                "particles.connectivity: 'erdos-renyi' samples the kernel w(xi_i, xi_j) at pairs of labels, which a"
                        + " measure kernel");
        assertRefused(run("simulate", "nif-ring", "bad", "--set", "particles.connectivity=nearest-labels"),
                "particles.connectivity: nearest-labels is the network of a measure kernel");
        assertRefused(run("simulate", problem, "bad", "--particles", "10", "--set", "particles.degree=10"),
                "particles: the in-degree per atom of a nearest-labels network of 10 neurons must lie in [1, 9], got 10");
        assertRefused(CommandRunner.run("validate", problem, "--particles", "100,200", "--trees", "chain:1,1", "--quiet",
                "--out", tmp.resolve("bad").toString()), "--trees: the continuum's tree observables");
    }
}
