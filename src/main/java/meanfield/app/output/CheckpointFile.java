package meanfield.app.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import meanfield.solvers.run.Checkpoint;

/**
 * A {@link Checkpoint} as a binary file (the raw bits of every double, big-endian, so that states
 * that pack longs into doubles survive NaN bit patterns), written to a temporary file
 * that replaces the previous checkpoint atomically, so a kill during the write leaves the last one intact.
 */
public final class CheckpointFile {
    private static final int MAGIC = 0x4D464350;
    private static final int FORMAT = 1;

    private CheckpointFile() {
    }

    public static void write(Path file, Checkpoint c) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeDouble(c.time());
            out.writeInt(c.nextOutput());
            out.writeDouble(c.step());
            out.writeLong(c.accepted());
            out.writeLong(c.rejected());
            writeArray(out, c.state());
            out.writeInt(c.observerStates().length);
            for (double[] s : c.observerStates()) {
                writeArray(out, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
    }

    public static Checkpoint read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException(file + " is not a meanfield checkpoint of format " + FORMAT);
            }
            double time = in.readDouble();
            int nextOutput = in.readInt();
            double step = in.readDouble();
            long accepted = in.readLong();
            long rejected = in.readLong();
            double[] state = readArray(in);
            double[][] observers = new double[in.readInt()][];
            for (int i = 0; i < observers.length; i++) {
                observers[i] = readArray(in);
            }
            return new Checkpoint(time, nextOutput, step, accepted, rejected, state, observers);
        }
    }

    private static void writeArray(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            // writeDouble would fold every NaN into one pattern.
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }
}
