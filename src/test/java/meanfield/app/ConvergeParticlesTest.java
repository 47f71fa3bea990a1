package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * converge --refine particles: the particle-versus-continuum distance falls like N^-1/2 when
 * sampling noise dominates (seeded, so the exponents below are fixed numbers, checked within 0.1),
 * the numbers do not depend on --threads, and what the study cannot run is refused by name.
 */
class ConvergeParticlesTest {
    /** Fitted exponents (-0.488 +- 0.021 for the NIF study, -0.510 +- 0.026 for the TOPO one) must lie this close to -1/2. */
    private static final double EXPONENT_TOLERANCE = 0.1;

    /** NIF P1 small: 20 windows x 8 label bins, N = 100, 400, 1600. */
    private static final String[] NIF = {"nif-ring", "--refine", "particles", "--levels", "3", "--from", "100", "--factor",
        "4", "--seeds", "4", "--set", "time.end=0.5", "--set", "time.output_every=0.025", "--set", "particles.bins=8",
        "--set", "grid.v.cells=100", "--set", "grid.xi.cells=8"};

    /** TOPO P2 small: 4 velocity nodes x 4 position bins at t = 0.5, N = 250, 1000, 4000. */
    private static final String[] TOPO = {"topo-1d", "--refine", "particles", "--levels", "3", "--from", "250", "--factor",
        "4", "--seeds", "4", "--set", "particles.bins=4", "--set", "topo.velocities={grid: {min: -1, max: 1, count: 4}}",
        "--set", "grid.x.cells=32", "--set", "time.end=0.5", "--set", "time.output_every=0.25"};

    /** MV P4 small, coarse steps: the cheapest study, for the thread-count check. */
    private static final String[] MV = {"mv-1d", "--refine", "particles", "--levels", "3", "--from", "100", "--factor",
        "4", "--seeds", "3", "--set", "particles.bins=8", "--set", "grid.x.cells=32", "--set", "time.end=0.5", "--set",
        "time.output_every=0.25", "--set", "particles.dt=0.01"};

    @TempDir
    Path tmp;

    private JsonNode converge(String name, String[] study, String... more) throws IOException {
        List<String> all = new ArrayList<>(List.of("converge"));
        all.addAll(List.of(study));
        all.addAll(List.of(more));
        all.add("--quiet");
        all.add("--out=" + tmp.resolve(name));
        CommandRunner r = CommandRunner.run(all.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("fitted exponent"), r.out());
        return new ObjectMapper().readTree(tmp.resolve(name).resolve("summary.json").toFile());
    }

    /** Mean distances fall level by level, the fit is near -1/2, and the bias stays below the mean distance. */
    private static void assertSamplingNoiseLimited(JsonNode s) {
        JsonNode levels = s.get("levels");
        for (int l = 0; l < levels.size(); l++) {
            JsonNode level = levels.get(l);
            assertTrue(level.get("bias").asDouble() < level.get("error").asDouble(), "level " + l + ": " + level);
            assertTrue(level.get("error_stderr").asDouble() > 0, "level " + l + ": " + level);
            if (l > 0) {
                assertTrue(level.get("error").asDouble() < levels.get(l - 1).get("error").asDouble(), s.toString());
            }
        }
        double exponent = s.get("fitted_exponent").asDouble();
        assertEquals(-0.5, exponent, EXPONENT_TOLERANCE, s.get("levels").toString());
        assertEquals(-exponent, s.get("observed_order").asDouble(), 1e-15);
        assertTrue(s.get("fitted_exponent_stderr").asDouble() > 0);
    }

    @Test
    void nifRateDistanceFallsLikeOneOverSquareRootOfNAndWritesTheStudysFiles() throws IOException {
        JsonNode s = converge("nif", NIF);
        assertSamplingNoiseLimited(s);
        assertEquals("[100,400,1600]", s.get("particles").toString());
        assertEquals(4, s.get("seeds").asInt());
        assertEquals(4, s.get("levels").get(0).get("distances").size());
        for (String file : List.of("convergence.csv", "runs.csv", "convergence.png")) {
            assertTrue(Files.size(tmp.resolve("nif").resolve(file)) > 0, file);
        }
        assertEquals(1 + 3 * 4, Files.readAllLines(tmp.resolve("nif").resolve("runs.csv")).size());
    }

    @Test
    void topoJointMassDistanceFallsLikeOneOverSquareRootOfN() throws IOException {
        assertSamplingNoiseLimited(converge("topo", TOPO));
    }

    @Test
    void theNumbersDoNotDependOnTheThreadCount() throws IOException {
        JsonNode one = converge("mv-1", MV, "--threads", "1");
        JsonNode two = converge("mv-2", MV, "--threads", "2");
        for (int l = 0; l < one.get("levels").size(); l++) {
            JsonNode a = one.get("levels").get(l);
            JsonNode b = two.get("levels").get(l);
            assertEquals(a.get("distances"), b.get("distances"), "level " + l);
            assertEquals(a.get("bias"), b.get("bias"), "level " + l);
        }
        assertEquals(one.get("fitted_exponent"), two.get("fitted_exponent"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seeds   | --seeds 0",
        "--from    | --from 1",
        "--from    | --from 100.5",
        "--factor  | --factor 2.5",
        "--levels  | --levels 1",
        "--reference | --reference richardson",
        "--norm    | --norm max",
        "--levels  | --from 200000 --levels 2",
        "particles.connectivity | --set particles.connectivity=file --set particles.file=network.mtx"})
    void badParticleStudiesAreUserErrorsNamingTheOption(String option, String arguments) {
        List<String> all = new ArrayList<>(List.of("converge", "nif-ring", "--refine", "particles", "--quiet",
                "--out=" + tmp.resolve("bad")));
        all.addAll(List.of(arguments.split(" ")));
        CommandRunner r = CommandRunner.run(all.toArray(String[]::new));
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().startsWith("error: " + option), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aNetworkThatDoesNotFitSaysHowMuchItNeeds() {
        CommandRunner r = CommandRunner.run("converge", "nif-ring", "--refine", "particles", "--from", "200000",
                "--levels", "2", "--threads", "2", "--quiet", "--out=" + tmp.resolve("big"));
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().contains("GiB") && r.err().contains("N = 400000"), r.err());
    }

    @Test
    void seedsBelongToTheParticleStudyOnly() {
        CommandRunner r = CommandRunner.run("converge", "nif-ring", "--refine", "grid.v.cells", "--seeds", "2", "--quiet",
                "--out=" + tmp.resolve("seeds"));
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().startsWith("error: --seeds"), r.err());
    }
}
