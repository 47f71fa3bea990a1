package meanfield.app.problem;

import java.util.stream.Collectors;

import meanfield.solvers.time.Scheme;
import meanfield.solvers.time.Schemes;
import meanfield.solvers.time.TimeControl;

/**
 * The {@code time} section every model shares: end, output_every, dt, tolerance and scheme, with
 * the model's default tolerance. The scheme is checked against the registry here; whether it fits
 * the discretization is checked when the run is built.
 *
 * @param scheme the registry name given by {@code time.scheme}, or null for the discretization's default
 */
public record TimeSection(TimeControl control, String scheme) {

    static TimeSection read(ConfigNode time, double defaultTolerance) {
        double end = time.number("end");
        if (!(end > 0) || !Double.isFinite(end)) {
            throw new ProblemException(time.key("end"), "must be positive, got " + end);
        }
        double every = time.positive("output_every", end / 100);
        double dt = time.has("dt") ? time.positive("dt", 1.0) : Double.NaN;
        double tolerance = time.positive("tolerance", defaultTolerance);
        String scheme = time.has("scheme") ? time.string("scheme", null) : null;
        if (scheme != null && Schemes.named(scheme).isEmpty()) {
            throw new ProblemException(time.key("scheme"), "unknown time scheme '" + scheme + "' (known: "
                    + Schemes.all().stream().map(Scheme::name).collect(Collectors.joining(", ")) + ")");
        }
        return new TimeSection(new TimeControl(end, every, dt, tolerance), scheme);
    }
}
