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

class ProblemErrorsTest {
    @TempDir
    Path tmp;

    private CommandRunner solveWith(String... sets) {
        List<String> args = new ArrayList<>(List.of("solve", "nif-ring", "--quiet", "--out", tmp.resolve("out").toString(),
                "--set", "grid.v.cells=40", "--set", "grid.xi.cells=4", "--set", "time.end=0.05"));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        return CommandRunner.run(args.toArray(String[]::new));
    }

    private static void assertUserError(CommandRunner r, String key) {
        assertEquals(Main.USER_ERROR, r.status(), () -> "stderr: " + r.err());
        assertTrue(r.err().contains(key), () -> "the message should name " + key + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), () -> "one line, no stack trace: " + r.err());
    }

    @ParameterizedTest(name = "{0} is reported as {1}")
    @CsvSource(delimiter = '|', value = {
        "nif.sigmaa=0.1                 | nif.sigmaa: unknown key (did you mean 'nif.sigma'?)",
        "grid.v.cels=10                 | grid.v.cels: unknown key (did you mean 'grid.v.cells'?)",
        "nif.drift=-v + (1.2            | nif.drift",
        "nif.drift=-x + 1               | nif.drift",
        "nif.kernel=cos(xi - eta)       | nif.kernel",
        "grid.v.cells=0                 | grid.v.cells",
        "grid.xi.cells=-3               | grid.xi.cells",
        "grid.v.cells=2.5               | grid.v.cells",
        "nif.sigma=-0.1                 | nif.sigma",
        "nif.reset=5                    | nif.reset",
        "nif.initial=cos(2 * pi * xi)   | nif.initial",
        "nif.initial=0                  | nif.initial",
        "nif.rate={sigmoid: {max: 5}}   | nif.rate.sigmoid.theta: missing required key",
        "nif.rate={logistic: {max: 5}}  | nif.rate.logistic",
        "nif.rate=-1                    | nif.rate",
        "time.end=-1                    | time.end",
        "time.end=abc                   | time.end: must be a number",
        "solver=spectrall               | solver",
        "model=flock                    | model",
        "particles.connectivity=ring    | particles.connectivity",
        "nif.threshold=1.0              | grid.v.max",
    })
    void badValueIsOneClearMessageNamingTheKeyWithStatusTwo(String assignment, String expected) {
        assertUserError(solveWith(assignment), expected.strip());
    }

    @Test
    void missingRequiredKeyIsNamed() throws IOException {
        String text = String.join("\n", "model: nif", "nif:", "  sigma: 0.1", "  drift: \"-v\"", "  rate: \"1\"",
                "grid:", "  v: {min: -1, max: 2, cells: 20}", "time: {end: 0.1}", "");
        Path file = tmp.resolve("p.yaml");
        Files.writeString(file, text);
        assertUserError(CommandRunner.run("solve", file.toString(), "--quiet", "--out", tmp.resolve("o").toString()),
                "nif.initial: missing required key");
    }

    @Test
    void kernelFileThatDoesNotMatchTheLabelGridIsNamed() throws IOException {
        Path matrix = tmp.resolve("k.mtx");
        Files.writeString(matrix, "%%MatrixMarket matrix coordinate real general\n3 3 1\n1 2 0.5\n");
        assertUserError(solveWith("nif.kernel={matrix: " + matrix + "}"), "nif.kernel.matrix");
        // A network of any N fits any label grid (fractional overlaps); one that is not square does not.
        Path rectangular = tmp.resolve("r.mtx");
        Files.writeString(rectangular, "%%MatrixMarket matrix coordinate real general\n3 4 1\n1 2 0.5\n");
        assertUserError(solveWith("nif.kernel={network: " + rectangular + "}"), "nif.kernel.network");
    }

    @Test
    void unknownProblemAndBadOptionsAreUserErrors() {
        assertUserError(CommandRunner.run("solve", "no-such-problem", "--quiet"), "no-such-problem");
        assertUserError(solveWith("nif.sigma"), "--set");
        assertUserError(CommandRunner.run("solve", "nif-ring", "--threads", "0", "--quiet"), "--threads");
        assertEquals(Main.USER_ERROR, CommandRunner.run("solv", "nif-ring").status());
    }
}
