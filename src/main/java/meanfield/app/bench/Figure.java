package meanfield.app.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One measured figure beside its yardstick, in the layout the whole-run benchmarks write with
 * {@code --json} (the JMH results are mapped onto it by {@link JmhResults}). A null yardstick,
 * yardstick value or ratio means the figure has none (the ratio is null too where the two differ
 * in unit, as cell updates per second against GB/s).
 */
public record Figure(
        @JsonProperty("benchmark") String benchmark,
        @JsonProperty("case") String label,
        @JsonProperty("metric") String metric,
        @JsonProperty("value") double value,
        @JsonProperty("unit") String unit,
        @JsonProperty("yardstick") String yardstick,
        @JsonProperty("yardstick_value") Double yardstickValue,
        @JsonProperty("yardstick_unit") String yardstickUnit,
        @JsonProperty("ratio") Double ratio) {
}
