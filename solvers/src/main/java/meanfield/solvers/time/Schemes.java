package meanfield.solvers.time;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of time integrators: every scheme the problem key {@code time.scheme} can name.
 * A new integrator is one entry here; the registry test runs every entry against a reference
 * solution and asserts its order, so it is tested the day it is added.
 */
public final class Schemes {
    private static final List<Scheme> ALL = List.of(
            new Scheme("mprk22", 2, 1, SplitForm.PRODUCTION_DESTRUCTION,
                    "modified Patankar-Runge-Kutta (Burchard-Deleersnijder-Meister 2003): positive and conservative"
                            + " for any step",
                    system -> new Mprk22((ProductionDestructionSystem) system)),
            new Scheme("ssp-rk2", 2, 0, SplitForm.EXPLICIT,
                    "Heun's method in Shu-Osher form: convex combination of Euler steps",
                    system -> new SspRk2((ExplicitSystem) system)),
            new Scheme("lawson-rk4", 4, 0, SplitForm.DIAGONAL_SPLIT,
                    "classical RK4 in the interaction picture (integrating factor)",
                    system -> new LawsonRk4((DiagonalSplitSystem) system)));

    private Schemes() {
    }

    public static List<Scheme> all() {
        return ALL;
    }

    public static Optional<Scheme> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The schemes that can step this system. */
    public static List<Scheme> compatibleWith(Object system) {
        return ALL.stream().filter(s -> s.compatibleWith(system)).collect(Collectors.toList());
    }
}
