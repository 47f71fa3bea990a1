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
            lawson("lawson-rk4", 4, 3, Tableaux.RK4_FSAL, "classical RK4 in the interaction picture (integrating"
                    + " factor), adaptive step from the embedded third-order solution of its first-same-as-last fifth"
                    + " stage"),
            explicit("euler", 1, 0, Tableaux.EULER, "forward Euler: first order, the step every SSP method is a convex"
                    + " combination of"),
            explicit("ssp-rk3", 3, 0, Tableaux.SSP_RK3, "third-order SSP Runge-Kutta of Shu and Osher: positive and TVD"
                    + " under forward Euler's step limit"),
            explicit("rk4", 4, 0, Tableaux.RK4, "the classical fourth-order Runge-Kutta method"),
            explicit("bogacki-shampine", 3, 2, Tableaux.BOGACKI_SHAMPINE, "Bogacki-Shampine 3(2): third order, adaptive"
                    + " step from an embedded second-order solution"),
            explicit("dormand-prince", 5, 4, Tableaux.DORMAND_PRINCE, "Dormand-Prince 5(4): fifth order, adaptive step"
                    + " from an embedded fourth-order solution"),
            lawson("lawson-euler", 1, 0, Tableaux.EULER, "forward Euler in the interaction picture: exact linear flow,"
                    + " first order"),
            lawson("lawson-ssp-rk3", 3, 0, Tableaux.SSP_RK3_NON_DECREASING, "third-order SSP Runge-Kutta with"
                    + " non-decreasing abscissas (SSP coefficient 3/4) in the interaction picture"),
            lawson("lawson-dormand-prince", 5, 4, Tableaux.DORMAND_PRINCE, "Dormand-Prince 5(4) in the interaction"
                    + " picture: exact linear flow, adaptive step"),
            new Scheme("ark4-imex", 4, 3, SplitForm.IMEX, "Kennedy-Carpenter ARK4(3)6L[2]SA: fourth-order additive"
                    + " Runge-Kutta, L-stable ESDIRK on the stiff linear part, explicit on the rest, adaptive step",
                    system -> new AdditiveRungeKutta((ImexSystem) system, AdditiveTableau.ARK436L2SA)));

    private Schemes() {
    }

    private static Scheme explicit(String name, int order, int embeddedOrder, ButcherTableau tableau,
            String description) {
        return new Scheme(name, order, embeddedOrder, SplitForm.EXPLICIT, description,
                system -> new ExplicitRungeKutta((ExplicitSystem) system, tableau));
    }

    private static Scheme lawson(String name, int order, int embeddedOrder, ButcherTableau tableau,
            String description) {
        return new Scheme(name, order, embeddedOrder, SplitForm.DIAGONAL_SPLIT, description,
                system -> new Lawson((DiagonalSplitSystem) system, tableau));
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
