package meanfield.solvers.time;

/** The Butcher tableaux the registry ({@link Schemes}) builds its Runge–Kutta and Lawson schemes on. */
public final class Tableaux {
    /** Forward Euler: first order. */
    public static final ButcherTableau EULER = new ButcherTableau(
            new double[][] {{}},
            new double[] {1},
            new double[] {0});

    /**
     * The three-stage third-order SSP method of Shu and Osher (1988), SSP coefficient 1: a convex
     * combination of forward Euler steps. Its abscissas (0, 1, 1/2) decrease, so Lawson's method
     * cannot use it without propagating backwards in time.
     */
    public static final ButcherTableau SSP_RK3 = new ButcherTableau(
            new double[][] {{}, {1}, {1.0 / 4, 1.0 / 4}},
            new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3},
            new double[] {0, 1, 1.0 / 2});

    /**
     * A three-stage third-order SSP method whose abscissas (0, 2/3, 2/3) do not decrease, so that
     * Lawson's method built on it only propagates forward and stays SSP (Isherwood, Grant, Gottlieb,
     * SINUM 2018: non-decreasing abscissas are what the integrating factor needs). Its SSP coefficient
     * is 3/4, the largest a scan of the three-stage third-order family with non-decreasing abscissas found.
     */
    public static final ButcherTableau SSP_RK3_NON_DECREASING = new ButcherTableau(
            new double[][] {{}, {2.0 / 3}, {2.0 / 9, 4.0 / 9}},
            new double[] {1.0 / 4, 3.0 / 16, 9.0 / 16},
            new double[] {0, 2.0 / 3, 2.0 / 3});

    /** The classical fourth-order Runge–Kutta method. */
    public static final ButcherTableau RK4 = new ButcherTableau(
            new double[][] {{}, {1.0 / 2}, {0, 1.0 / 2}, {0, 0, 1}},
            new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
            new double[] {0, 1.0 / 2, 1.0 / 2, 1});

    /**
     * The classical RK4 with a fifth stage at c = 1 that is the step itself, y_{n+1}, and the
     * embedded weights bHat = (1/6, 1/3, 1/3, 0, 1/6): bHat replaces k4 = f(t + h, Y4) by
     * k5 = f(t + h, y_{n+1}). bHat meets the four conditions of order 3 (sum bHat = 1,
     * sum bHat c = 1/2, sum bHat c^2 = 1/3, sum bHat a c = 1/6) and fails sum bHat a c^2 = 1/12
     * (it gives 7/72), so the pair is 4(3). First same as last: k5 is the next step's k1, so an
     * adaptive step costs the four slopes of RK4, and the estimate y - yHat = h/6 (k4 - k5).
     */
    public static final ButcherTableau RK4_FSAL = new ButcherTableau(
            new double[][] {{}, {1.0 / 2}, {0, 1.0 / 2}, {0, 0, 1}, {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}},
            new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6, 0},
            new double[] {0, 1.0 / 2, 1.0 / 2, 1, 1},
            new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 0, 1.0 / 6});

    /** Bogacki–Shampine 3(2) (1989): third order with an embedded second-order solution; first same as last. */
    public static final ButcherTableau BOGACKI_SHAMPINE = new ButcherTableau(
            new double[][] {{}, {1.0 / 2}, {0, 3.0 / 4}, {2.0 / 9, 1.0 / 3, 4.0 / 9}},
            new double[] {2.0 / 9, 1.0 / 3, 4.0 / 9, 0},
            new double[] {0, 1.0 / 2, 3.0 / 4, 1},
            new double[] {7.0 / 24, 1.0 / 4, 1.0 / 3, 1.0 / 8});

    /** Dormand–Prince 5(4) (1980): fifth order with an embedded fourth-order solution; first same as last. */
    public static final ButcherTableau DORMAND_PRINCE = new ButcherTableau(
            new double[][] {
                {},
                {1.0 / 5},
                {3.0 / 40, 9.0 / 40},
                {44.0 / 45, -56.0 / 15, 32.0 / 9},
                {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
                {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
                {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}},
            new double[] {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0},
            new double[] {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1},
            new double[] {5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100,
                1.0 / 40});

    private Tableaux() {
    }
}
