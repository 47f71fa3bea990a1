package meanfield.app.bench;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code meanfield bench} measured: the figures, the machine, when and from which commit.
 *
 * @param date     ISO-8601 instant the run began
 * @param commit   {@code git rev-parse HEAD} of the sources, or "unknown"
 * @param quick    true for the {@code --quick} smoke run, whose figures are not for comparison
 * @param notes    what was skipped or failed, and why
 */
public record BenchReport(
        @JsonProperty("date") String date,
        @JsonProperty("commit") String commit,
        @JsonProperty("quick") boolean quick,
        @JsonProperty("machine") Machine machine,
        @JsonProperty("figures") List<Figure> figures,
        @JsonProperty("notes") List<String> notes) {
}
