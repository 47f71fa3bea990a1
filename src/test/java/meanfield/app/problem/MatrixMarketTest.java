package meanfield.app.problem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixMarketTest {
    @TempDir
    Path tmp;

    private Path file(String text) throws IOException {
        Path p = tmp.resolve("m.mtx");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void coordinateEntriesAreRowThenColumnOneBased() throws IOException {
        MatrixMarket m = MatrixMarket.read("k", file("%%MatrixMarket matrix coordinate real general\n% comment\n2 2 2\n1 2 0.5\n2 1 -1\n"));
        assertArrayEquals(new double[] {0, 0.5, -1, 0}, m.dense(), 0.0);
    }

    @Test
    void symmetricAndArrayFormatsAreExpanded() throws IOException {
        MatrixMarket sym = MatrixMarket.read("k", file("%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 1 3\n2 1 4\n"));
        assertArrayEquals(new double[] {3, 4, 4, 0}, sym.dense(), 0.0);
        // Array format is column-major.
        MatrixMarket array = MatrixMarket.read("k", file("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n"));
        assertArrayEquals(new double[] {1, 3, 2, 4}, array.dense(), 0.0);
    }

    @Test
    void malformedFilesAreUserErrorsNamingTheKey() throws IOException {
        Path noHeader = file("2 2 1\n1 1 1\n");
        ProblemException e = assertThrows(ProblemException.class, () -> MatrixMarket.read("nif.kernel.matrix", noHeader));
        assertTrue(e.getMessage().startsWith("nif.kernel.matrix: "));
        Path outside = file("%%MatrixMarket matrix coordinate real general\n2 2 1\n3 1 1\n");
        assertThrows(ProblemException.class, () -> MatrixMarket.read("k", outside));
        Path truncated = file("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n");
        assertThrows(ProblemException.class, () -> MatrixMarket.read("k", truncated));
    }
}
