package meanfield.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that readers see whole or not at all: written to a temporary file in the same directory
 * (unique per writer, so concurrent shards never write the same file) and renamed over the target.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path file, String text) {
        Path temporary = temporary(file);
        try {
            Files.writeString(temporary, text);
            move(temporary, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A fresh temporary file next to {@code file}, for writers that need a path (HDF5, PNG). */
    static Path temporary(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file next to " + file, e);
        }
    }

    static void move(Path temporary, Path file) {
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + temporary + " to " + file, e);
        }
    }
}
