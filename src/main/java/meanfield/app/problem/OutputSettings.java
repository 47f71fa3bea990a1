package meanfield.app.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import meanfield.app.output.ColourRanges;
import meanfield.app.output.DataFormat;
import meanfield.app.output.FieldSelection;

/**
 * The {@code output} section: the format of the data files ({@code format}: hdf5, the default, or
 * zarr) and which variables a solve or simulate stores ({@code fields}: a list of names, each
 * optionally {@code name@last} for the last output only; absent: all). The names are checked against
 * the run's variables when the run is built, since they depend on the model and the command; and the
 * heat maps' fixed colour scales by quantity ({@code colour_range}: {@code {rate: [0, 5]}}, say).
 */
public record OutputSettings(DataFormat format, FieldSelection fields, List<String> fieldNames,
        ColourRanges colourRanges) {
    public static final String FIELDS_KEY = "output.fields";

    /** HDF5 and every field: a problem without an output section. */
    public static final OutputSettings DEFAULT = new OutputSettings(DataFormat.HDF5, FieldSelection.ALL, null,
            ColourRanges.AUTOMATIC);

    static OutputSettings read(ConfigNode node) {
        String format = node.choice("format", DataFormat.HDF5.key(), DataFormat.keys().toArray(String[]::new));
        ColourRanges colours = colourRanges(node);
        if (!node.has("fields")) {
            return new OutputSettings(DataFormat.named(format), FieldSelection.ALL, null, colours);
        }
        Object raw = node.raw("fields");
        List<?> entries = raw instanceof List<?> list ? list : List.of(raw);
        String key = node.key("fields");
        if (entries.isEmpty()) {
            throw new ProblemException(key, "names no field: list the variables to store, e.g. [rate, density@last],"
                    + " or leave the key out to store all");
        }
        List<FieldSelection.Field> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof String text) || text.isBlank()) {
                throw new ProblemException(key, "each entry is a variable name, optionally with " + FieldSelection.LAST
                        + ", got " + entry);
            }
            String trimmed = text.trim();
            int at = trimmed.indexOf('@');
            if (at >= 0 && !trimmed.substring(at).equals(FieldSelection.LAST)) {
                throw new ProblemException(key, "'" + trimmed + "': the only suffix is " + FieldSelection.LAST
                        + " (the last output time only)");
            }
            FieldSelection.Field field = FieldSelection.Field.parse(trimmed);
            if (field.name().isEmpty() || !seen.add(field.name())) {
                throw new ProblemException(key, field.name().isEmpty() ? "'" + trimmed + "' names no variable"
                        : "'" + field.name() + "' is given more than once");
            }
            fields.add(field);
            names.add(trimmed);
        }
        return new OutputSettings(DataFormat.named(format), FieldSelection.of(fields), List.copyOf(names), colours);
    }

    /** {@code colour_range}: a mapping from quantity to [low, high]. */
    private static ColourRanges colourRanges(ConfigNode output) {
        if (!output.has("colour_range")) {
            return ColourRanges.AUTOMATIC;
        }
        ConfigNode node = output.child("colour_range");
        Map<String, ColourRanges.Range> ranges = new LinkedHashMap<>();
        for (String quantity : node.keys()) {
            String key = node.key(quantity);
            if (!ColourRanges.QUANTITIES.contains(quantity)) {
                throw new ProblemException(key, "no heat map shows '" + quantity + "'; the quantities are "
                        + String.join(", ", ColourRanges.QUANTITIES));
            }
            Object raw = node.raw(quantity);
            if (!(raw instanceof List<?> bounds) || bounds.size() != 2 || !(bounds.get(0) instanceof Number low)
                    || !(bounds.get(1) instanceof Number high)) {
                throw new ProblemException(key, "must be [low, high], two numbers, got " + raw);
            }
            try {
                ranges.put(quantity, new ColourRanges.Range(low.doubleValue(), high.doubleValue()));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(key, "needs finite low < high, got " + raw);
            }
        }
        return new ColourRanges(ranges);
    }

    /** A run's variables against {@code fields}: a user error naming the key when one is unknown. */
    public void check(meanfield.solvers.result.ResultLayout layout) {
        String problem = fields.unknown(layout);
        if (problem != null) {
            throw new ProblemException(FIELDS_KEY, problem);
        }
    }
}
