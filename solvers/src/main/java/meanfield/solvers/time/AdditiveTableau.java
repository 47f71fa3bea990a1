package meanfield.solvers.time;

/**
 * An additive Runge–Kutta pair: an explicit tableau (strict lower triangle {@code explicit}) and
 * an ESDIRK one (lower triangle {@code implicit} without its diagonal, the diagonal being the
 * constant {@code gamma} from stage 1 on, stage 0 explicit), sharing abscissas and weights, with
 * embedded weights for the error estimate.
 */
public record AdditiveTableau(double[][] explicit, double[][] implicit, double gamma, double[] b, double[] bHat,
        double[] c) {
    /** Rationals in double: row sums hold to a few ulps. */
    private static final double TOLERANCE = 1e-14;

    public AdditiveTableau {
        int stages = b.length;
        for (int i = 0; i < stages; i++) {
            double sumExplicit = 0;
            double sumImplicit = i == 0 ? 0 : gamma;
            for (int j = 0; j < i; j++) {
                sumExplicit += explicit[i][j];
                sumImplicit += implicit[i][j];
            }
            if (!(Math.abs(sumExplicit - c[i]) <= TOLERANCE) || !(Math.abs(sumImplicit - c[i]) <= TOLERANCE)) {
                throw new IllegalArgumentException("row " + i + " of the additive tableau sums to " + sumExplicit
                        + " (explicit) and " + sumImplicit + " (implicit), not to c_" + i + " = " + c[i]);
            }
        }
    }

    public int stages() {
        return b.length;
    }

    /**
     * Kennedy and Carpenter's ARK4(3)6L[2]SA (Appl. Numer. Math. 44, 2003, Tables 5 and 6, as in
     * SUNDIALS' ARKODE): fourth order, third-order embedding, L-stable and stiffly accurate
     * implicit part with gamma = 1/4.
     */
    public static final AdditiveTableau ARK436L2SA = new AdditiveTableau(
            new double[][] {
                {},
                {0.5},
                {13861.0 / 62500.0, 6889.0 / 62500.0},
                {-116923316275.0 / 2393684061468.0, -2731218467317.0 / 15368042101831.0,
                    9408046702089.0 / 11113171139209.0},
                {-451086348788.0 / 2902428689909.0, -2682348792572.0 / 7519795681897.0,
                    12662868775082.0 / 11960479115383.0, 3355817975965.0 / 11060851509271.0},
                {647845179188.0 / 3216320057751.0, 73281519250.0 / 8382639484533.0,
                    552539513391.0 / 3454668386233.0, 3354512671639.0 / 8306763924573.0, 4040.0 / 17871.0}},
            new double[][] {
                {},
                {0.25},
                {8611.0 / 62500.0, -1743.0 / 31250.0},
                {5012029.0 / 34652500.0, -654441.0 / 2922500.0, 174375.0 / 388108.0},
                {15267082809.0 / 155376265600.0, -71443401.0 / 120774400.0, 730878875.0 / 902184768.0,
                    2285395.0 / 8070912.0},
                {82889.0 / 524892.0, 0.0, 15625.0 / 83664.0, 69875.0 / 102672.0, -2260.0 / 8211.0}},
            0.25,
            new double[] {82889.0 / 524892.0, 0.0, 15625.0 / 83664.0, 69875.0 / 102672.0, -2260.0 / 8211.0, 0.25},
            new double[] {4586570599.0 / 29645900160.0, 0.0, 178811875.0 / 945068544.0, 814220225.0 / 1159782912.0,
                -3700637.0 / 11593932.0, 61727.0 / 225920.0},
            new double[] {0.0, 0.5, 83.0 / 250.0, 31.0 / 50.0, 17.0 / 20.0, 1.0});
}
