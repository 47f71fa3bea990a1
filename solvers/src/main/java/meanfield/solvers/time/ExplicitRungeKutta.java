package meanfield.solvers.time;

/**
 * Any explicit Runge–Kutta tableau on an {@link ExplicitSystem}: the method is data
 * ({@link ButcherTableau}), this is the one engine that runs it. With embedded weights the step
 * returns the distance, in the system's error norm, between the solution and the embedded one.
 */
public final class ExplicitRungeKutta implements TimeIntegrator {
    private final ExplicitSystem system;
    private final double[][] a;
    private final double[] b;
    private final double[] c;
    private final double[] bHat;
    private final boolean lastStageIsStep;
    private final double[][] slopes;
    private final double[] stage;
    private final double[] embedded;

    public ExplicitRungeKutta(ExplicitSystem system, ButcherTableau tableau) {
        this.system = system;
        this.a = tableau.a();
        this.b = tableau.b();
        this.c = tableau.c();
        this.bHat = tableau.bHat();
        this.lastStageIsStep = tableau.lastStageIsStep();
        int size = system.size();
        this.slopes = new double[tableau.stages()][size];
        this.stage = new double[size];
        this.embedded = bHat == null ? null : new double[size];
    }

    @Override
    public double step(double t, double dt, double[] y, double[] out) {
        int stages = b.length;
        system.rhs(t, y, slopes[0]);
        for (int i = 1; i < stages; i++) {
            // A last stage equal to the step is formed in out directly; its slope serves the embedded solution only.
            double[] target = lastStageIsStep && i == stages - 1 ? out : stage;
            combine(y, dt, a[i], i, target);
            if (target == out && embedded == null) {
                break;
            }
            system.rhs(t + c[i] * dt, target, slopes[i]);
        }
        if (!lastStageIsStep) {
            combine(y, dt, b, stages, out);
        }
        if (embedded == null) {
            return 0.0;
        }
        combine(y, dt, bHat, stages, embedded);
        return system.errorNorm(out, embedded);
    }

    /** target = y + dt sum_{j < count} weights_j k_j. */
    private void combine(double[] y, double dt, double[] weights, int count, double[] target) {
        int size = y.length;
        System.arraycopy(y, 0, target, 0, size);
        for (int j = 0; j < count; j++) {
            double factor = dt * weights[j];
            if (factor == 0.0) {
                continue;
            }
            double[] slope = slopes[j];
            for (int n = 0; n < size; n++) {
                target[n] += factor * slope[n];
            }
        }
    }
}
