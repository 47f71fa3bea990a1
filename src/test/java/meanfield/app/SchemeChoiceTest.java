package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** time.scheme picks any registered scheme that fits the discretization, and refuses others by name. */
class SchemeChoiceTest {
    @TempDir
    Path tmp;

    private static final String[] SMALL_TOPO = {"--quiet", "--set", "grid.x.cells=16", "--set", "time.end=0.2",
        "--set", "time.output_every=0.1", "--set", "topo.velocities={grid: {min: -1, max: 1, count: 6}}"};

    private CommandRunner solveTopo(Path out, String... extra) {
        String[] args = new String[3 + SMALL_TOPO.length + extra.length];
        args[0] = "solve";
        args[1] = "topo-1d";
        args[2] = "--out=" + out;
        System.arraycopy(SMALL_TOPO, 0, args, 3, SMALL_TOPO.length);
        System.arraycopy(extra, 0, args, 3 + SMALL_TOPO.length, extra.length);
        return CommandRunner.run(args);
    }

    @Test
    void anAdaptiveLawsonSchemeSolvesTheSpectralProblemCloseToTheDefault() throws Exception {
        Path reference = tmp.resolve("default");
        assertEquals(0, solveTopo(reference).status());
        Path adaptive = tmp.resolve("adaptive");
        CommandRunner r = solveTopo(adaptive, "--set", "time.scheme=lawson-dormand-prince", "--set", "time.tolerance=1e-9");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(adaptive.resolve("summary.json").toFile());
        assertEquals("lawson-dormand-prince", summary.get("scheme").asText());
        assertTrue(summary.get("mass_error_max").asDouble() < 1e-12);
        double[] a = ResultFiles.datasets(reference.resolve("solution.h5")).get("rho");
        double[] b = ResultFiles.datasets(adaptive.resolve("solution.h5")).get("rho");
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        // Two fourth/fifth-order time integrations of the same spectral system agree far below its size.
        assertTrue(max < 1e-6 && max > 0, "max difference " + max);
    }

    @Test
    void aSchemeOfTheWrongFormIsAUserErrorNamingTheKey() {
        CommandRunner r = CommandRunner.run("solve", "nif-ring", "--quiet", "--out=" + tmp.resolve("nif"), "--set",
                "time.scheme=rk4", "--set", "grid.v.cells=40", "--set", "grid.xi.cells=4");
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().startsWith("error: time.scheme"), r.err());
    }

    @Test
    void anUnknownSchemeIsAUserErrorListingTheKnownOnes() {
        CommandRunner r = solveTopo(tmp.resolve("unknown"), "--set", "time.scheme=rk5");
        assertEquals(Main.USER_ERROR, r.status());
        assertTrue(r.err().contains("time.scheme") && r.err().contains("lawson-rk4"), r.err());
    }

    @Test
    void theFiniteVolumesTakeAnyExplicitScheme() throws Exception {
        Path out = tmp.resolve("fv");
        CommandRunner r = solveTopo(out, "--set", "solver=finite-volume", "--set", "time.scheme=ssp-rk3");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("ssp-rk3", summary.get("scheme").asText());
        assertTrue(summary.get("min_density").asDouble() >= 0);
    }
}
