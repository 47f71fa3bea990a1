package meanfield.app.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import meanfield.solvers.run.Checkpoint;

class CheckpointFileTest {
    @TempDir
    Path dir;

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    @Test
    void everyBitOfTheStateSurvivesIncludingLongsPackedAsNaNPatterns() throws IOException {
        // A packed long whose bits read as a NaN with a payload: writeDouble would canonicalize it.
        double packed = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);
        double[] state = {1.5, -0.0, packed, Double.MIN_VALUE};
        Checkpoint c = new Checkpoint(0.25, 6, 1e-3, 41, 2, state, new double[][] {{3.0}, {}});
        Path file = dir.resolve("checkpoint.bin");
        CheckpointFile.write(file, c);
        Checkpoint back = CheckpointFile.read(file);
        assertEquals(0.25, back.time());
        assertEquals(6, back.nextOutput());
        assertEquals(1e-3, back.step());
        assertEquals(41, back.accepted());
        assertEquals(2, back.rejected());
        assertArrayEquals(bits(state), bits(back.state()));
        assertArrayEquals(new double[] {3.0}, back.observerStates()[0]);
        assertEquals(0, back.observerStates()[1].length);
    }

    @Test
    void aFileThatIsNoCheckpointIsRefused() throws IOException {
        Path file = dir.resolve("other.bin");
        Files.writeString(file, "not a checkpoint at all");
        assertThrows(IOException.class, () -> CheckpointFile.read(file));
    }
}
