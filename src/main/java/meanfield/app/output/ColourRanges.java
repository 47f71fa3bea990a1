package meanfield.app.output;

import java.util.List;
import java.util.Map;

/**
 * Fixed colour scales of the heat maps by quantity ({@code output.colour_range}): with one given, the
 * continuum's plot of a quantity ({@code solve}) and the particles' ({@code simulate}) share their
 * colours, so that the two pictures can be compared by eye. Without one, each plot spans its own values.
 *
 * @param ranges [low, high] by quantity, one of {@link #QUANTITIES}
 */
public record ColourRanges(Map<String, Range> ranges) {
    /** The firing rate r (NIF) and the density rho (TOPO and MV). */
    public static final List<String> QUANTITIES = List.of("rate", "rho");
    /** Every plot on its own values' range. */
    public static final ColourRanges AUTOMATIC = new ColourRanges(Map.of());

    /** A colour scale from {@code low} to {@code high}; values beyond it take the colour of the nearer end. */
    public record Range(double low, double high) {
        public Range {
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("a colour range needs finite low < high, got [" + low + ", " + high + "]");
            }
        }

        double clamp(double value) {
            return Math.max(low, Math.min(high, value));
        }
    }

    public ColourRanges {
        ranges = Map.copyOf(ranges);
    }

    /** The fixed range of a quantity, or null when its plots span their own values. */
    public Range of(String quantity) {
        return ranges.get(quantity);
    }
}
