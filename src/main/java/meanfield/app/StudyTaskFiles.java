package meanfield.app;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the binary files a study's sweep task leaves for its --merge (converge's level.bin,
 * validate's runs.bin) share: written whole or not at all, and texts that may be absent.
 */
final class StudyTaskFiles {
    /** Writes the body of a task file. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private StudyTaskFiles() {
    }

    static void write(Path file, Body body) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial, e);
        }
        try {
            // Renamed into place: a task killed while writing leaves no task file that looks whole.
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + partial + " to " + file, e);
        }
    }

    /** A text or null; a long one (a failure's message) is cut, since writeUTF takes at most 64 KiB. */
    static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text.length() > 20000 ? text.substring(0, 20000) : text);
        }
    }

    static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
