package meanfield.solvers.time;

import java.util.function.Function;

/**
 * A time integrator as registry data ({@link Schemes}): its name (the value of the problem key
 * {@code time.scheme}), its order, the order of its embedded error estimate (0 if it has none,
 * and then it runs at a fixed step only), the split form it steps, and how to build it.
 */
public record Scheme(String name, int order, int embeddedOrder, SplitForm form, String description,
        Function<Object, TimeIntegrator> factory) {

    /** Whether the scheme estimates its local error, so that an adaptive step can be used. */
    public boolean adaptive() {
        return embeddedOrder > 0;
    }

    /**
     * The exponent of the step controller: the local error of the estimate scales as
     * dt^(q + 1), q the lower of the two orders, so dt_new = dt (tol / err)^(1 / (q + 1)).
     */
    public double controllerExponent() {
        return 1.0 / (Math.min(order, embeddedOrder) + 1);
    }

    public boolean compatibleWith(Object system) {
        return form.offeredBy(system);
    }

    /** This scheme's integrator for the system, which must offer its {@link #form()}. */
    public TimeIntegrator build(Object system) {
        if (!compatibleWith(system)) {
            throw new IllegalArgumentException("the time scheme " + name + " steps " + form.type().getSimpleName()
                    + " systems, which " + system.getClass().getSimpleName() + " is not");
        }
        return factory.apply(system);
    }
}
