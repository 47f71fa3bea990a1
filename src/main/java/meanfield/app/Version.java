package meanfield.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;

/** The code version and the git commit it was built from, both stamped into the jar by the build. */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        return resource("/meanfield-version.properties").getProperty("version", "unknown");
    }

    /**
     * The commit of the build (with "-dirty" when its sources differed from it), or "unknown" when the
     * build was not given one: not a git checkout, or a plain mvn run without -Dmeanfield.commit.
     */
    public static String commit() {
        return resource("/meanfield-commit.properties").getProperty("commit", "unknown");
    }

    private static Properties resource(String name) {
        try (InputStream in = Version.class.getResourceAsStream(name)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"meanfield " + current(), "commit " + commit()};
    }
}
