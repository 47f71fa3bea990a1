package meanfield.app.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scalar results of one run's summary.json, flattened to named numbers:
 * <ul>
 * <li>every numeric (or boolean, as 0/1) top-level value: mean_rate, mass_error_max,
 * observed_order, fitted_exponent, steps, ...;</li>
 * <li>the numeric values of a top-level object, as {@code object.key} (grid.v_cells);</li>
 * <li>the numeric values of the last entry of a top-level list of objects, as
 * {@code list.last.key}: converge's finest level ({@code levels.last.error}), validate's largest N
 * ({@code runs.last...}), simulate's run ({@code runs.last.spike_count}).</li>
 * </ul>
 * Wall times and thread counts are left out: they say how a run went, not what it found, and would
 * make tables of the same sweep differ between engines.
 */
final class SummaryScalars {
    private static final Set<String> SKIPPED = Set.of("wall_seconds", "threads", "problem_resolved");

    private SummaryScalars() {
    }

    /** The scalars of summary.json in its order; empty when the file is missing or unreadable. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> read(Path summary) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(summary)) {
            return out;
        }
        Map<String, Object> root;
        try {
            root = new ObjectMapper().readValue(summary.toFile(), Map.class);
        } catch (IOException e) {
            return out;
        }
        for (Map.Entry<String, Object> e : root.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (SKIPPED.contains(key)) {
                continue;
            }
            if (v instanceof Map<?, ?> m) {
                addAll(out, key + ".", (Map<String, Object>) m);
            } else if (v instanceof List<?> list && !list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> last) {
                addAll(out, key + ".last.", (Map<String, Object>) last);
            } else {
                add(out, key, v);
            }
        }
        return out;
    }

    private static void addAll(Map<String, Double> out, String prefix, Map<String, Object> m) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!SKIPPED.contains(e.getKey())) {
                add(out, prefix + e.getKey(), e.getValue());
            }
        }
    }

    private static void add(Map<String, Double> out, String key, Object v) {
        if (v instanceof Number n) {
            out.put(key, n.doubleValue());
        } else if (v instanceof Boolean b) {
            out.put(key, b ? 1.0 : 0.0);
        }
    }
}
