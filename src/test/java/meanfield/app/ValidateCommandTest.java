package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * validate: distances fall like N^-1/2 on small seeded NIF and TOPO cases, the rate distance of an
 * uncoupled constant-rate network is Poisson counting noise, every built-in problem runs small, the
 * numbers do not depend on --threads, and bad options are refused by name.
 */
class ValidateCommandTest {
    /** Fitted exponents measured on these seeded cases (-0.50 NIF, -0.51 TOPO) must lie this close to -1/2. */
    private static final double EXPONENT_TOLERANCE = 0.1;

    private static final String[] NIF_SMALL = {"--set", "time.end=0.5", "--set", "time.output_every=0.025", "--set",
        "particles.bins=8", "--set", "grid.v.cells=100", "--set", "grid.xi.cells=8"};

    private static final String[] TOPO_SMALL = {"--set", "particles.bins=4", "--set",
        "topo.velocities={grid: {min: -1, max: 1, count: 4}}", "--set", "grid.x.cells=32", "--set", "time.end=0.5",
        "--set", "time.output_every=0.25"};

    @TempDir
    Path tmp;

    private JsonNode validate(String name, String problem, String particles, String[] small, String... more)
            throws IOException {
        List<String> all = new ArrayList<>(List.of("validate", problem, "--particles", particles, "--quiet",
                "--out=" + tmp.resolve(name)));
        all.addAll(List.of(small));
        all.addAll(List.of(more));
        CommandRunner r = CommandRunner.run(all.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("fitted exponent"), r.out());
        return new ObjectMapper().readTree(tmp.resolve(name).resolve("summary.json").toFile());
    }

    private static void assertFallsLikeSamplingNoise(JsonNode s, String error) {
        JsonNode runs = s.get("runs");
        for (int l = 1; l < runs.size(); l++) {
            assertTrue(runs.get(l).get(error).asDouble() < runs.get(l - 1).get(error).asDouble(), runs.toString());
        }
        assertEquals(-0.5, s.get("fitted_exponent").asDouble(), EXPONENT_TOLERANCE, runs.toString());
        assertTrue(s.get("fitted_exponent_stderr").asDouble() > 0);
    }

    @Test
    void nifDistancesFallLikeOneOverSquareRootOfNOnTheSameNetwork() throws IOException {
        JsonNode s = validate("nif", "nif-ring", "100,400,1600", NIF_SMALL);
        assertFallsLikeSamplingNoise(s, "error_rate");
        assertEquals("error_rate", s.get("error").asText());
        JsonNode first = s.get("runs").get(0);
        for (String key : List.of("error_rate_stderr", "error_rate_limit", "error_density", "w1_v", "network_graphon")) {
            assertTrue(first.has(key), first.toString());
        }
        // The continuum's grid error lies below the particle error at the largest N.
        double grid = s.get("continuum").get("discretization_error").get("error_rate").asDouble();
        assertTrue(grid < s.get("runs").get(2).get("error_rate").asDouble() / 3, s.get("continuum").toString());
        for (String file : List.of("validation.h5", "validation.png", "rates.png", "density_v.png")) {
            assertTrue(Files.size(tmp.resolve("nif").resolve(file)) > 0, file);
        }
        Path h5 = tmp.resolve("nif").resolve("validation.h5");
        try (io.jhdf.HdfFile file = new io.jhdf.HdfFile(h5)) {
            // N is a whole number, stored as an integer.
            assertArrayEquals(new long[] {100, 400, 1600}, (long[]) file.getDatasetByPath("particles").getData());
        }
        assertEquals(8 * 20, dataset(h5, "N100/error_rate/continuum").length);
        // The flat variables carry the same numbers as the groups of earlier versions.
        assertArrayEquals(dataset(h5, "N100/error_rate/continuum"), dataset(h5, "N100_error_rate_continuum"));
        assertArrayEquals(dataset(h5, "error_rate/mean"), dataset(h5, "error_rate_mean"));
    }

    @Test
    void topoDistancesFallLikeOneOverSquareRootOfN() throws IOException {
        JsonNode s = validate("topo", "topo-1d", "250,1000,4000", TOPO_SMALL);
        assertFallsLikeSamplingNoise(s, "error_density");
        assertTrue(s.get("runs").get(0).has("w1_x"));
        assertTrue(Files.size(tmp.resolve("topo").resolve("velocity_marginal.png")) > 0);
    }

    /**
     * w = 0 and nu = lambda: the continuum rate is lambda exactly (MODEL.md 1.3), and the spike count
     * X of a label bin of n_B neurons over a window W is Binomial(n_B m, p), m the steps in W and
     * p = 1 - exp(-lambda dt): close to Poisson with mean mu = lambda n_B |W|. Then
     * E d = sum_W sum_B |W| |B| E|X/(n_B |W|) - lambda| = sum_W sum_B |B| E|X - mu| / n_B, with the
     * Poisson mean absolute deviation E|X - mu| = 2 e^-mu mu^(floor(mu) + 1) / floor(mu)!. Here
     * mu = 5 x 100 x 0.1 = 50 in each of the 10 windows x 4 bins: E d = 10 x E|X - 50| / 100.
     */
    @Test
    void uncoupledConstantRateNetworksShowPoissonCountingNoiseAroundTheExactRate() throws IOException {
        String[] constant = {"--set", "nif.kernel=0", "--set", "nif.rate={constant: {lambda: 5}}", "--set",
            "time.end=1", "--set", "time.output_every=0.1", "--set", "particles.bins=4", "--set", "grid.v.cells=100",
            "--set", "grid.xi.cells=4"};
        JsonNode s = validate("poisson", "nif-ring", "400,1600", constant, "--seeds", "8", "--kernel", "limit");
        double mu = 50;
        double logMad = Math.log(2) - mu + (Math.floor(mu) + 1) * Math.log(mu) - logFactorial((int) Math.floor(mu));
        double predicted = 10 * Math.exp(logMad) / 100;
        JsonNode run = s.get("runs").get(0);
        double mean = run.get("error_rate").asDouble();
        double stderr = run.get("error_rate_stderr").asDouble();
        assertEquals(predicted, mean, 3 * stderr, "predicted " + predicted + ", measured " + mean + " +- " + stderr);
        // The particles' rates average to lambda = 5: 400 neurons x 1 time unit x 8 seeds, 16000 spikes expected.
        Path h5 = tmp.resolve("poisson").resolve("validation.h5");
        for (double r : dataset(h5, "N400/error_rate/continuum")) {
            assertEquals(5.0, r, 1e-9);
        }
        double sum = 0;
        double[] rates = dataset(h5, "N400/error_rate/particles");
        for (double r : rates) {
            sum += r;
        }
        // Each rate averages 100 neurons over 0.1: 16000 spikes in all, a relative spread of 0.8 %.
        assertEquals(5.0, sum / rates.length, 5.0 * 0.03);
    }

    private static double[] dataset(Path file, String path) {
        try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(file)) {
            return (double[]) h5.getDatasetByPath(path).getDataFlat();
        }
    }

    private static double logFactorial(int k) {
        double sum = 0;
        for (int i = 2; i <= k; i++) {
            sum += Math.log(i);
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(strings = {"nif-ring", "nnlif-bistable", "topo-1d", "topo-2d", "mv-1d"})
    void everyBuiltInProblemValidatesSmall(String problem) throws IOException {
        String[] small = switch (problem) {
            case "nif-ring" -> NIF_SMALL;
            case "nnlif-bistable" -> new String[] {"--set", "grid.v.cells=80", "--set", "time.end=0.5", "--set",
                "time.output_every=0.25", "--set", "particles.dt=0.005"};
            case "topo-1d" -> TOPO_SMALL;
            case "topo-2d" -> new String[] {"--set", "particles.bins=4", "--set", "grid.x.cells=16", "--set",
                "time.end=0.1", "--set", "time.output_every=0.05", "--set", "topo.velocities={directions: 4, speed: 1}"};
            default -> new String[] {"--set", "particles.bins=8", "--set", "grid.x.cells=32", "--set", "time.end=0.5",
                "--set", "time.output_every=0.25", "--set", "particles.dt=0.01"};
        };
        JsonNode s = validate(problem, problem, "50,100", small, "--seeds", "2");
        assertEquals(2, s.get("runs").size());
        assertTrue(s.get("runs").get(1).get(s.get("error").asText()).asDouble() > 0, s.toString());
    }

    @Test
    void theNumbersDoNotDependOnTheThreadCount() throws IOException {
        String[] mv = {"--set", "particles.bins=8", "--set", "grid.x.cells=32", "--set", "time.end=0.5", "--set",
            "time.output_every=0.25", "--set", "particles.dt=0.01"};
        JsonNode one = validate("one", "mv-1d", "100,400", mv, "--seeds", "3", "--threads", "1");
        JsonNode two = validate("two", "mv-1d", "100,400", mv, "--seeds", "3", "--threads", "2");
        assertEquals(one.get("runs").toString().replaceAll("\"wall_seconds_per_run\":[^,}]*", ""),
                two.get("runs").toString().replaceAll("\"wall_seconds_per_run\":[^,}]*", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--particles=|--particles",
        "--particles=100,abc|--particles",
        "--particles=1,100|--particles",
        "--particles=100,2000000|--particles",
        "--seeds=0|--seeds",
        "--times=7|--times",
        "--times=-0.1|--times",
        "--kernel=graphon|--kernel",
        "--trees=chain:1,v,w|--trees",
        "--trees=tree:1,1|--trees",
        "--trees=chain:1,1,1,1,1|--trees"})
    void badOptionsAreRefusedWithOneLineNamingTheOption(String option, String name) {
        List<String> args = new ArrayList<>(List.of("validate", "nif-ring", "--quiet", "--out=" + tmp.resolve("bad")));
        if (!option.startsWith("--particles")) {
            args.add("--particles=100,200");
        }
        args.add(option);
        CommandRunner r = CommandRunner.run(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(name), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void treeObservablesAreDistancesOfTheirOwnAndNeedANetwork() throws IOException {
        JsonNode s = validate("trees", "nif-ring", "100,400", NIF_SMALL, "--seeds", "2", "--kernel", "limit", "--trees",
                "chain:1,v,nu; star:nu,1,1");
        for (JsonNode run : s.get("runs")) {
            for (String name : List.of("tree_chain_1_v_nu", "tree_star_nu_1_1")) {
                assertTrue(run.get(name).asDouble() >= 0 && Double.isFinite(run.get(name).asDouble()), run.toString());
            }
        }
        CommandRunner r = CommandRunner.run("validate", "topo-1d", "--particles", "100,200", "--trees", "chain:1,1",
                "--quiet", "--out=" + tmp.resolve("topo-trees"));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--trees") && r.err().contains("network"), r.err());
    }

    @Test
    void runsThatFailNumericallyAreReportedAndTheOthersStillCount() throws IOException {
        // Neuron labels are (i - 1/2)/N: for odd N one sits at xi = 1/2 exactly, where this drift is infinite.
        JsonNode s = validate("failing", "nif-ring", "101,200,400", NIF_SMALL, "--seeds", "2", "--kernel", "limit",
                "--set", "nif.drift=-v + 1.2 + 0.001/(xi - 0.5)");
        JsonNode runs = s.get("runs");
        assertEquals(2, runs.get(0).get("failures").size(), runs.get(0).toString());
        assertTrue(runs.get(0).get("failures").get(0).asText().contains("xi = 0.5"), runs.get(0).toString());
        for (int l = 1; l < 3; l++) {
            assertTrue(runs.get(l).get("error_rate").asDouble() > 0, runs.get(l).toString());
        }
        assertTrue(Double.isFinite(s.get("fitted_exponent").asDouble()));
    }

    @Test
    void tooManySynapsesAreRefusedWithTheMemoryNeeded() {
        CommandRunner r = CommandRunner.run("validate", "nif-ring", "--particles", "100,2000000", "--quiet",
                "--out=" + tmp.resolve("memory"));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("GiB"), r.err());
    }

    @Test
    void theSpectralContinuumGivesTheFiniteVolumesDistancesToTheirDiscretizationError() throws IOException {
        JsonNode fv = validate("fv", "nif-ring", "100,400", NIF_SMALL, "--seeds", "2");
        JsonNode spectral = validate("spectral", "nif-ring", "100,400", NIF_SMALL, "--seeds", "2", "--set",
                "solver=spectral", "--set", "grid.v.order=12");
        for (int l = 0; l < 2; l++) {
            for (String error : List.of("error_rate", "error_density")) {
                double a = fv.get("runs").get(l).get(error).asDouble();
                double b = spectral.get("runs").get(l).get(error).asDouble();
                // The same particles; the continua differ by the 100 finite-volume cells' error, far below the noise.
                assertEquals(a, b, 0.05 * a, error + " at level " + l);
            }
        }
        assertEquals("spectral", spectral.get("problem_resolved").get("solver").asText());
    }
}
