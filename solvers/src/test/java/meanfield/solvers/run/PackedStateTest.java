package meanfield.solvers.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class PackedStateTest {
    /** Longs whose bits as a double are NaNs (quiet, signalling, negative) among ordinary ones. */
    private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x7ff0000000000001L,
        0x7ff8000000000000L, 0xfff4000000000123L, 0x9e3779b97f4a7c15L, 0xffffffffL, 0x100000000L};
    private static final int[] INTS = {0, -1, 7, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final double[] DOUBLES = {0.0, -0.0, 1.5, -3.25e-300, Double.MIN_VALUE, Double.MAX_VALUE};

    private static double[] sample() {
        PackedState.Writer out = new PackedState.Writer(4);
        out.putInt(42);
        out.putLongs(LONGS);
        out.putInts(INTS, INTS.length);
        out.putDoubles(DOUBLES, DOUBLES.length);
        out.putLong(-2);
        out.putDouble(Math.PI);
        return out.toArray();
    }

    /** The checkpoint file's encoding: writeDouble replaces any NaN by the canonical one. */
    private static double[] throughDataStreams(double[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (double v : values) {
                out.writeDouble(v);
            }
        }
        double[] back = new double[values.length];
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int i = 0; i < back.length; i++) {
                back[i] = in.readDouble();
            }
        }
        return back;
    }

    @Test
    void everyValueComesBackExactlyEvenThroughADataOutputStream() throws IOException {
        double[] packed = throughDataStreams(sample());
        PackedState.Reader in = new PackedState.Reader(packed);
        assertEquals(42, in.getInt());
        long[] longs = new long[LONGS.length];
        in.getLongs(longs);
        assertArrayEquals(LONGS, longs);
        int[] ints = new int[INTS.length];
        in.getInts(ints, ints.length);
        assertArrayEquals(INTS, ints);
        double[] doubles = new double[DOUBLES.length];
        in.getDoubles(doubles, doubles.length);
        for (int i = 0; i < doubles.length; i++) {
            assertEquals(Double.doubleToRawLongBits(DOUBLES[i]), Double.doubleToRawLongBits(doubles[i]));
        }
        assertEquals(-2L, in.getLong());
        assertEquals(Math.PI, in.getDouble());
        in.expectEnd();
    }

    @Test
    void aStateThatWasNotWrittenSoIsRefused() {
        double[] packed = sample();
        PackedState.Reader reader = new PackedState.Reader(packed);
        reader.getInt();
        assertThrows(IllegalArgumentException.class, reader::expectEnd, "values left over");

        assertThrows(IllegalArgumentException.class, () -> new PackedState.Reader(new double[] {0.5}).getInt());
        assertThrows(IllegalArgumentException.class, () -> new PackedState.Reader(new double[] {3e9}).getInt());
        assertThrows(IllegalArgumentException.class, () -> new PackedState.Reader(new double[] {Double.NaN}).getInt());
        // The lower half of a long is unsigned.
        assertThrows(IllegalArgumentException.class, () -> new PackedState.Reader(new double[] {0, -1}).getLong());
        assertThrows(IllegalArgumentException.class, () -> new PackedState.Reader(new double[] {1}).getLong());
        assertThrows(IllegalArgumentException.class,
                () -> new PackedState.Reader(new double[] {1, 2}).getDoubles(new double[3], 3));
    }
}
