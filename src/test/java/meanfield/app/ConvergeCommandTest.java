package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** converge recovers the known orders of the solvers and refuses what it cannot study, naming the option. */
class ConvergeCommandTest {
    @TempDir
    Path tmp;

    private JsonNode converge(String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("converge"));
        all.addAll(List.of(args));
        all.add("--quiet");
        all.add("--out=" + tmp.resolve(name));
        CommandRunner r = CommandRunner.run(all.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(tmp.resolve(name).resolve("summary.json").toFile());
    }

    /** The observed orders between successive levels (null where a level has none). */
    private static List<Double> orders(JsonNode summary) {
        List<Double> orders = new ArrayList<>();
        for (JsonNode level : summary.get("levels")) {
            if (level.hasNonNull("order")) {
                orders.add(level.get("order").asDouble());
            }
        }
        return orders;
    }

    @Test
    void nifFiniteVolumesAreSecondOrderInVAndWritesTheStudysFiles() throws IOException {
        JsonNode s = converge("nif-v", "nif-ring", "--refine", "grid.v.cells", "--levels", "4", "--from", "50", "--set",
                "grid.xi.cells=8", "--set", "time.end=0.5", "--set", "time.output_every=0.25");
        for (double order : orders(s)) {
            assertTrue(order >= 1.8, "order " + order + " in " + orders(s));
        }
        assertTrue(s.get("observed_order").asDouble() >= 1.8);
        assertEquals(4, s.get("levels").size());
        assertTrue(Files.size(tmp.resolve("nif-v").resolve("convergence.csv")) > 0);
        assertTrue(Files.size(tmp.resolve("nif-v").resolve("convergence.png")) > 0);
    }

    @Test
    void againstARichardsonReferenceTheNifOrderInVIsTwoAtEveryLevel() throws IOException {
        JsonNode s = converge("nif-r", "nif-ring", "--refine", "grid.v.cells", "--levels", "4", "--from", "100",
                "--reference", "richardson", "--set", "grid.xi.cells=8", "--set", "time.end=0.5", "--set",
                "time.output_every=0.25");
        assertEquals(4, orders(s).size() + 1);
        for (double order : orders(s)) {
            assertTrue(order >= 1.9 && order <= 2.1, "order " + order + " in " + orders(s));
        }
        JsonNode levels = s.get("levels");
        double finestError = levels.get(levels.size() - 1).get("error").asDouble();
        assertTrue(s.get("richardson").get("error_estimate").asDouble() < finestError,
                "the reference's error estimate is below the finest level's error");
    }

    @Test
    void againstTheManufacturedSolutionEveryLevelHasAnErrorAndTheNifOrderInVIsTwo() throws IOException {
        JsonNode s = converge("nif-m", "nif-ring", "--refine", "grid.v.cells", "--levels", "3", "--from", "50",
                "--reference", "manufactured", "--quantity", "rate", "--set", "grid.xi.cells=4", "--set", "time.end=0.5",
                "--set", "time.tolerance=1e-9");
        JsonNode levels = s.get("levels");
        assertEquals(3, levels.size());
        for (JsonNode level : levels) {
            assertTrue(level.get("error").asDouble() > 0, "every level, the finest too, has an error");
        }
        for (double order : orders(s)) {
            assertTrue(order >= 1.9 && order <= 2.1, "order " + order + " in " + orders(s));
        }
        assertTrue(s.get("manufactured_solution").asText().contains("f_e(t, v)"));
    }

    @Test
    void againstTheExactConstantRateSolutionTheNifOrderInVIsTwo() throws IOException {
        Path problem = tmp.resolve("constant-rate.yaml");
        Files.writeString(problem, String.join("\n", "model: nif", "nif:", "  sigma: 0.05", "  reset: 0",
                "  drift: \"-1.5*v + 0.6 + 0.3*sin(2*pi*xi)\"", "  rate: {constant: {lambda: 2}}",
                "  kernel: \"0.2 + 0.3*cos(2*pi*(xi-zeta))\"", "  initial: \"exp(-0.5*((v-0.4)/0.2)^2)\"", "grid:",
                "  v: {min: -1, max: 3, cells: 64}", "  xi: {cells: 2}", "time: {end: 0.5, output_every: 0.25, tolerance: 1e-8}",
                ""));
        JsonNode s = converge("nif-exact", problem.toString(), "--refine", "grid.v.cells", "--levels", "3", "--reference",
                "exact");
        for (double order : orders(s)) {
            assertTrue(order >= 1.9 && order <= 2.1, "order " + order + " in " + orders(s));
        }
        assertTrue(s.get("exact_solution").asText().contains("MODEL.md 1.3"));
    }

    @Test
    void againstTheExactUniformWeightSolutionTheSpectralTopoErrorFallsExponentially() throws IOException {
        JsonNode s = converge("topo-exact", "topo-1d", "--set", "topo.weight={uniform: {}}", "--set", "topo.velocities.grid.count=8",
                "--refine", "grid.x.cells", "--levels", "2", "--from", "16", "--reference", "exact", "--norm", "max",
                "--set", "time.end=0.2", "--set", "time.dt=0.005");
        JsonNode levels = s.get("levels");
        double coarse = levels.get(0).get("error").asDouble();
        double fine = levels.get(1).get("error").asDouble();
        assertTrue(fine < coarse / 1000 && fine < 1e-8, "errors " + coarse + " then " + fine);
    }

    @Test
    void againstTheManufacturedSolutionMvIsFourthOrderInTime() throws IOException {
        JsonNode s = converge("mv-m", "mv-1d", "--refine", "time.dt", "--levels", "3", "--from", "0.05", "--reference",
                "manufactured", "--quantity", "rho", "--norm", "max", "--set", "grid.x.cells=64", "--set", "time.end=0.5");
        for (double order : orders(s)) {
            assertTrue(order >= 3.7 && order <= 4.3, "order " + order + " in " + orders(s));
        }
    }

    @Test
    void levelsThatFailNumericallyAreReportedAndTheStudyGoesOn() throws IOException {
        // A strong attraction: steps of 0.5 and 0.125 blow up (density beyond 1e8), 0.03125 and 0.0078 do not.
        JsonNode s = converge("mv-fail", "mv-1d", "--refine", "time.dt", "--levels", "4", "--from", "0.5", "--factor", "4",
                "--reference", "manufactured", "--quantity", "rho", "--set", "grid.x.cells=64", "--set", "time.end=1",
                "--set", "time.output_every=0.5", "--set", "mv.interaction=-5*sin(2*pi*x)");
        JsonNode levels = s.get("levels");
        for (int i = 0; i < 2; i++) {
            assertTrue(levels.get(i).get("failure").asText().contains("at t ="), levels.get(i).toString());
            assertTrue(levels.get(i).get("error").isNull());
        }
        for (int i = 2; i < 4; i++) {
            assertTrue(!levels.get(i).has("failure") && levels.get(i).get("error").asDouble() > 0, levels.get(i).toString());
        }
        assertTrue(levels.get(3).get("error").asDouble() < levels.get(2).get("error").asDouble());
    }

    @Test
    void nifFiniteVolumesAreSecondOrderInTime() throws IOException {
        JsonNode s = converge("nif-t", "nif-ring", "--refine", "time.dt", "--levels", "4", "--from", "0.025", "--set",
                "grid.v.cells=100", "--set", "grid.xi.cells=8", "--set", "time.end=0.5", "--set", "time.output_every=0.25");
        for (double order : orders(s)) {
            assertTrue(order >= 1.8, "order " + order + " in " + orders(s));
        }
    }

    @Test
    void lawsonRk4IsFourthOrderInTimeOnTheSpectralTopoSolver() throws IOException {
        JsonNode s = converge("topo-t", "topo-1d", "--refine", "time.dt", "--levels", "4", "--from", "0.05", "--set",
                "grid.x.cells=32", "--set", "time.end=0.4", "--set", "time.output_every=0.2");
        for (double order : orders(s)) {
            assertTrue(order >= 3.7 && order <= 4.3, "order " + order + " in " + orders(s));
        }
    }

    @Test
    void topoFiniteVolumesAreSecondOrderInX() throws IOException {
        JsonNode s = converge("topo-fv", "topo-1d", "--refine", "grid.x.cells", "--levels", "4", "--from", "64",
                "--set", "solver=finite-volume", "--set", "time.end=0.2", "--set", "time.output_every=0.1",
                "--set", "topo.velocities={grid: {min: -1, max: 1, count: 8}}");
        for (double order : orders(s)) {
            assertTrue(order >= 1.8, "order " + order + " in " + orders(s));
        }
    }

    @Test
    void theSpectralTopoSolverConvergesExponentiallyInX() throws IOException {
        JsonNode s = converge("topo-x", "topo-1d", "--refine", "grid.x.cells", "--levels", "4", "--from", "16",
                "--quantity", "rho", "--norm", "max", "--set", "time.end=0.2", "--set", "time.output_every=0.1",
                "--set", "time.dt=0.01");
        List<Double> errors = new ArrayList<>();
        for (JsonNode level : s.get("levels")) {
            if (level.hasNonNull("error")) {
                errors.add(level.get("error").asDouble());
            }
        }
        assertEquals(3, errors.size());
        for (int i = 0; i + 1 < errors.size(); i++) {
            assertTrue(errors.get(i + 1) < errors.get(i) / 100 || errors.get(i + 1) < 1e-12,
                    "errors " + errors + " fall by less than 100x per doubling");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "--refine, nif-ring, --refine=grid.w.cells, --levels=3",
        "--refine, nif-ring, --refine=nif.drift, --levels=3",
        "--levels, nif-ring, --refine=grid.v.cells, --levels=2",
        "--reference, nif-ring, --refine=grid.v.cells, --reference=exact",
        "--reference, mv-1d, --refine=grid.x.cells, --reference=exact",
        "--reference, topo-1d, --refine=grid.x.cells, --reference=exact",
        "--reference, nif-ring, --refine=grid.v.cells, --reference=analytic",
        "--levels, nif-ring, --refine=grid.v.cells, --levels=1",
        "--from, topo-1d, --refine=time.dt, --from=0.2",
        "--from, nif-ring, --refine=time.dt, --levels=3",
        "--factor, nif-ring, --refine=grid.v.cells, --factor=1.5",
        "--norm, nif-ring, --refine=grid.v.cells, --norm=l7",
        "--levels, nif-ring, --refine=grid.v.cells, --levels=14",
        "--quantity, mv-1d, --refine=grid.x.cells, --quantity=rate",
    })
    void badStudiesAreUserErrorsNamingTheOption(String option, String problem, String refine, String other) {
        CommandRunner r = CommandRunner.run("converge", problem, refine, other, "--quiet", "--out=" + tmp.resolve("bad"));
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().startsWith("error: " + option), r.err());
    }

    @Test
    void richardsonOverTheWholeRunIsRefusedByName() {
        CommandRunner r = CommandRunner.run("converge", "nif-ring", "--refine=grid.v.cells", "--reference=richardson",
                "--quantity=rate", "--quiet", "--out=" + tmp.resolve("bad-r"));
        assertEquals(Main.USER_ERROR, r.status(), r.err());
        assertTrue(r.err().startsWith("error: --reference") && r.err().contains("rate"), r.err());
    }
}
