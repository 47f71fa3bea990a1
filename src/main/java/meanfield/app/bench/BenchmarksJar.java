package meanfield.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmarks module's shaded jar in a source checkout, built as the launcher builds the
 * application: when missing or older than a source it is made of. It is built with
 * {@code mvn package -pl benchmarks -am}, never {@code install}: the reactor resolves the modules
 * from their target folders, so nothing is written to a local repository other builds may read.
 */
final class BenchmarksJar {
    /** The modules the benchmarks jar is made of, relative to the checkout. */
    private static final List<String> SOURCES = List.of("pom.xml", "grids", "solvers", "validation", "benchmarks");

    private final Path root;

    BenchmarksJar(Path root) {
        this.root = root;
    }

    /** The checkout this application was built from: the jar (or classes folder) lies in src/target. */
    static Path checkoutOfThisApplication() {
        try {
            Path code = Path.of(BenchmarksJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent().getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the application jar", e);
        }
    }

    Path jar() {
        return root.resolve("benchmarks/target/benchmarks.jar");
    }

    /** Whether the checkout has the benchmarks module at all (an installed jar alone does not). */
    boolean inCheckout() {
        return Files.isRegularFile(root.resolve("benchmarks/pom.xml"));
    }

    boolean stale() throws IOException {
        if (!Files.isRegularFile(jar())) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(jar());
        for (String source : SOURCES) {
            try (Stream<Path> files = Files.walk(root.resolve(source))) {
                boolean newer = files.filter(p -> !p.toString().contains("/target/"))
                        .filter(p -> p.toString().endsWith(".java") || p.getFileName().toString().equals("pom.xml"))
                        .anyMatch(p -> lastModified(p).compareTo(built) > 0);
                if (newer) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Builds the jar with Maven (MVN_ARGS, as for benchmarks/run.sh, is passed on: -o to build offline). */
    void build() throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B", "-q", "-DskipTests", "-pl", "benchmarks",
                "-am"));
        String extra = System.getenv("MVN_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("package");
        int status = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IOException("building the benchmarks jar failed (" + String.join(" ", command) + ": exit " + status + ")");
        }
    }

    private static FileTime lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
