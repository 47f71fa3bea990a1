package meanfield.solvers.time;

/**
 * An additive (IMEX) Runge–Kutta method on an {@link ImexSystem}: stage i solves
 * (I - gamma dt L) z_i = y + dt sum_{j<i} (aE_ij E_j + aI_ij I_j), with E_j = F - L y and
 * I_j = L z_j, one linear solve per stage with the same matrix, factored once per step.
 */
public final class AdditiveRungeKutta implements TimeIntegrator {
    private final ImexSystem system;
    private final AdditiveTableau tableau;
    private final double[][] explicitSlopes;
    private final double[][] implicitSlopes;
    private final double[] rhs;
    private final double[] embedded;

    public AdditiveRungeKutta(ImexSystem system, AdditiveTableau tableau) {
        this.system = system;
        this.tableau = tableau;
        int size = system.size();
        int stages = tableau.stages();
        this.explicitSlopes = new double[stages][size];
        this.implicitSlopes = new double[stages][size];
        this.rhs = new double[size];
        this.embedded = new double[size];
    }

    @Override
    public double step(double t, double dt, double[] y, double[] out) {
        int stages = tableau.stages();
        int size = y.length;
        double[] c = tableau.c();
        system.linearize(t, y);
        system.explicitPart(t, y, explicitSlopes[0]);
        system.implicitPart(y, implicitSlopes[0]);
        double factor = tableau.gamma() * dt;
        for (int i = 1; i < stages; i++) {
            double[] aE = tableau.explicit()[i];
            double[] aI = tableau.implicit()[i];
            System.arraycopy(y, 0, rhs, 0, size);
            for (int j = 0; j < i; j++) {
                accumulate(rhs, dt * aE[j], explicitSlopes[j], dt * aI[j], implicitSlopes[j]);
            }
            system.solveImplicit(factor, rhs, out);
            system.implicitPart(out, implicitSlopes[i]);
            system.explicitPart(t + c[i] * dt, out, explicitSlopes[i]);
        }
        double[] b = tableau.b();
        double[] bHat = tableau.bHat();
        System.arraycopy(y, 0, out, 0, size);
        System.arraycopy(y, 0, embedded, 0, size);
        for (int j = 0; j < stages; j++) {
            accumulate(out, dt * b[j], explicitSlopes[j], dt * b[j], implicitSlopes[j]);
            accumulate(embedded, dt * bHat[j], explicitSlopes[j], dt * bHat[j], implicitSlopes[j]);
        }
        return system.errorNorm(out, embedded);
    }

    private static void accumulate(double[] target, double e, double[] explicit, double i, double[] implicit) {
        if (e == 0 && i == 0) {
            return;
        }
        for (int n = 0; n < target.length; n++) {
            target[n] += e * explicit[n] + i * implicit[n];
        }
    }
}
