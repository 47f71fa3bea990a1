package meanfield.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The figures of a JMH result file ({@code -rf json}), each beside the yardstick that the
 * benchmarks module pairs it with: the NIF step beside the STREAM triad at its working set, the
 * TOPO spectral explicit part beside its raw FFTs, the TOPO finite-volume right-hand side beside
 * the gain's dense product alone (GemmBenchmark.javaBlocks at the same grid), and the other GEMM
 * variants beside OpenBLAS dgemm. The pairing lives here, not in JMH, because JMH measures each
 * method on its own.
 */
final class JmhResults {
    private static final String PREFIX = "meanfield.benchmarks.";
    /** TopoFiniteVolumeBenchmark's grid parameter to GemmBenchmark's shape of the same problem. */
    private static final Map<String, String> GEMM_SHAPE = Map.of("p2:256", "1:256:32", "p3:32", "2:32:16",
            "p3:64", "2:64:16");
    /** The triad size of MemoryBandwidthBenchmark at the NIF step's working set. */
    private static final String STEP_TRIAD_KIB = "1536";

    private final List<JsonNode> results = new ArrayList<>();

    JmhResults(Path file) throws IOException {
        new ObjectMapper().readTree(file.toFile()).forEach(results::add);
    }

    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        for (JsonNode r : results) {
            String method = r.get("benchmark").asText().replace(PREFIX, "");
            String params = params(r);
            Optional<JsonNode> yardstick = yardstick(method, r.path("params"));
            double value = score(r);
            String unit = unit(r);
            String name = yardstick.map(y -> y.get("benchmark").asText().replace(PREFIX, "") + params(y)).orElse(null);
            Double yardstickValue = yardstick.map(JmhResults::score).orElse(null);
            String yardstickUnit = yardstick.map(JmhResults::unit).orElse(null);
            Double ratio = yardstick.isPresent() && unit.equals(yardstickUnit) ? value / yardstickValue : null;
            String mode = r.get("mode").asText().equals("thrpt") ? "throughput" : "average time";
            figures.add(new Figure("JMH", method + params, mode, value, unit, name, yardstickValue,
                    yardstickUnit, ratio));
        }
        return figures;
    }

    private Optional<JsonNode> yardstick(String method, JsonNode params) {
        return switch (method) {
            case "NifStepBenchmark.step", "NifStepBenchmark.stepThroughput" ->
                    find("MemoryBandwidthBenchmark.triad", "kibPerArray", STEP_TRIAD_KIB);
            case "TopoSpectralBenchmark.explicitPart" -> find("TopoSpectralBenchmark.rawFfts", null, null);
            case "TopoFiniteVolumeBenchmark.rhs" ->
                    find("GemmBenchmark.javaBlocks", "shape", GEMM_SHAPE.get(params.path("grid").asText()));
            case "GemmBenchmark.gatherLoop", "GemmBenchmark.javaBlocks", "GemmBenchmark.nd4jBlocks",
                    "GemmBenchmark.nd4jCopies" ->
                    find("GemmBenchmark.nd4jWhole", "shape", params.path("shape").asText());
            default -> Optional.empty();
        };
    }

    private Optional<JsonNode> find(String method, String param, String value) {
        return results.stream()
                .filter(r -> r.get("benchmark").asText().equals(PREFIX + method))
                .filter(r -> param == null || r.path("params").path(param).asText().equals(value))
                .findFirst();
    }

    /**
     * The score: the primary metric, except where an auxiliary counter carries the figure (the
     * triad's GB/s, the step's cell updates per second), which JMH reports as a secondary metric.
     */
    private static double score(JsonNode r) {
        return metric(r).get("score").asDouble();
    }

    private static String unit(JsonNode r) {
        JsonNode secondary = r.path("secondaryMetrics");
        if (secondary.has("gigabytes")) {
            return "GB/s";
        }
        return secondary.has("cellUpdates") ? "cell updates/s" : metric(r).get("scoreUnit").asText();
    }

    private static JsonNode metric(JsonNode r) {
        JsonNode secondary = r.path("secondaryMetrics");
        for (String counter : List.of("gigabytes", "cellUpdates")) {
            if (secondary.has(counter)) {
                return secondary.get(counter);
            }
        }
        return r.get("primaryMetric");
    }

    private static String params(JsonNode r) {
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            out.append(out.length() == 0 ? " (" : ", ").append(p.getKey()).append(" = ").append(p.getValue().asText());
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }
}
