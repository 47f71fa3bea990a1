package meanfield.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The machine a benchmark run measured: every figure is only meaningful beside it. */
public record Machine(
        @JsonProperty("cores") int cores,
        @JsonProperty("memory_bytes") long memoryBytes,
        @JsonProperty("cpu_model") String cpuModel,
        @JsonProperty("os") String os,
        @JsonProperty("jvm") String jvm) {

    /** This machine, as the JVM and /proc/cpuinfo see it. */
    public static Machine detect() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                cpuModel(Path.of("/proc/cpuinfo")).orElse("unknown (no /proc/cpuinfo)"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The first "model name" line of a cpuinfo file (x86; other architectures may have none). */
    static Optional<String> cpuModel(Path cpuinfo) {
        try {
            return Files.readAllLines(cpuinfo).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
