package meanfield.solvers.time;

/**
 * The shapes of semi-discrete system an integrator can step, each an interface a discretization
 * implements: a discretization offering several forms can be stepped by the integrators of each.
 */
public enum SplitForm {
    /** y' = F(t, y): {@link ExplicitSystem}. */
    EXPLICIT(ExplicitSystem.class),
    /** y' = L y + N(y) with e^{t L} exact and L diagonal: {@link DiagonalSplitSystem}. */
    DIAGONAL_SPLIT(DiagonalSplitSystem.class),
    /** y' = A(t, y) y, A Metzler with zero column sums: {@link ProductionDestructionSystem}. */
    PRODUCTION_DESTRUCTION(ProductionDestructionSystem.class),
    /** y' = L y + (F(t, y) - L y) with L frozen per step and solved implicitly: {@link ImexSystem}. */
    IMEX(ImexSystem.class);

    private final Class<?> type;

    SplitForm(Class<?> type) {
        this.type = type;
    }

    /** The interface a system implements to offer this form. */
    public Class<?> type() {
        return type;
    }

    public boolean offeredBy(Object system) {
        return type.isInstance(system);
    }
}
