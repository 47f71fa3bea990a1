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

import com.fasterxml.jackson.databind.ObjectMapper;

import meanfield.app.problem.ProblemSource;

/** problems --show, --version with the build's commit, and summary.json's list of files. */
class ProblemsAndVersionTest {
    @TempDir
    Path tmp;

    @Test
    void showPrintsTheBuiltInFileThatRunsAsItsOwnCopy() throws IOException {
        for (String name : ProblemSource.BUILT_IN) {
            CommandRunner shown = CommandRunner.run("problems", "--show", name);
            assertEquals(0, shown.status(), shown.err());
            assertEquals(ProblemSource.builtInText(name), shown.out());
        }
        // The copy, saved and edited by hand, is a problem file like any other.
        Path copy = Files.writeString(tmp.resolve("ring.yaml"), CommandRunner.run("problems", "--show", "nif-ring").out());
        CommandRunner r = CommandRunner.run("solve", copy.toString(), "--quiet", "--out", tmp.resolve("o").toString(),
                "--set", "grid.v.cells=40", "--set", "grid.xi.cells=4", "--set", "time.end=0.05");
        assertEquals(0, r.status(), r.err());
        CommandRunner unknown = CommandRunner.run("problems", "--show", "nif-rin");
        assertEquals(Main.USER_ERROR, unknown.status());
        assertTrue(unknown.err().contains("'nif-rin' is not a built-in problem"), unknown.err());
    }

    @Test
    void versionNamesTheCommitOrSaysItIsUnknown() {
        CommandRunner r = CommandRunner.run("--version");
        assertEquals(0, r.status());
        List<String> lines = r.out().lines().toList();
        assertEquals("meanfield " + Version.current(), lines.get(0));
        assertTrue(lines.get(1).matches("commit ([0-9a-f]{40}(-dirty)?|unknown)"), lines.get(1));
    }

    @Test
    void summaryListsEveryFileTheRunWrote() throws IOException {
        for (String command : List.of("solve", "simulate")) {
            Path out = tmp.resolve(command);
            List<String> args = new ArrayList<>(List.of(command, "nif-ring", "--quiet", "--out", out.toString(), "--set",
                    "grid.v.cells=40", "--set", "grid.xi.cells=4", "--set", "time.end=0.2", "--set",
                    "time.output_every=0.1", "--checkpoint-every", "0.1"));
            if (command.equals("simulate")) {
                args.addAll(List.of("--particles", "50", "--seeds", "1,2"));
            }
            CommandRunner r = CommandRunner.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            List<String> listed = new ArrayList<>();
            new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("files")
                    .forEach(f -> listed.add(f.asText()));
            try (var files = Files.list(out)) {
                assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(), listed.stream().sorted().toList());
            }
            assertTrue(listed.contains(command.equals("solve") ? "solution.h5" : "particles_seed2.h5"), listed.toString());
        }
    }
}
