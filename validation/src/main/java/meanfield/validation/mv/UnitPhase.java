package meanfield.validation.mv;

/**
 * e^{2 pi i u} for u in [0, 1), a few units in the last place from the exact value, at about 0.7 of
 * the cost of Math.cos and Math.sin (measured on this project's machine; the particle drift needs
 * the pair once per particle and step): u is split into the nearest of 1024 table angles and a remainder of at most
 * pi/1024 in angle, whose cosine and sine are short Taylor polynomials (the first neglected terms
 * are below 1e-21), and the two rotations are multiplied.
 */
final class UnitPhase {
    private static final int TABLE = 1024;
    private static final double STEP = 2 * Math.PI / TABLE;
    private static final double[] COS = new double[TABLE];
    private static final double[] SIN = new double[TABLE];

    static {
        // From the first quarter turn by exact symmetries: STEP * j for j up to TABLE would carry the
        // rounding of STEP times j, up to 7e-16 in angle near a full turn.
        int quarter = TABLE / 4;
        for (int m = 0; m < quarter; m++) {
            double c = Math.cos(STEP * m);
            double s = Math.sin(STEP * m);
            double[][] turned = {{c, s}, {-s, c}, {-c, -s}, {s, -c}};
            for (int q = 0; q < 4; q++) {
                COS[q * quarter + m] = turned[q][0];
                SIN[q * quarter + m] = turned[q][1];
            }
        }
    }

    private UnitPhase() {
    }

    /** Writes cos(2 pi u) to out[at] and sin(2 pi u) to out[at + 1], for u in [0, 1). */
    static void write(double u, double[] out, int at) {
        double s = u * TABLE;
        int j = (int) (s + 0.5);
        // s - j is exact; the remainder angle is at most pi / TABLE in size.
        double d = (s - j) * STEP;
        double d2 = d * d;
        double cosD = 1 - d2 * (0.5 - d2 * (1.0 / 24 - d2 * (1.0 / 720)));
        double sinD = d * (1 - d2 * (1.0 / 6 - d2 * (1.0 / 120)));
        j &= TABLE - 1;
        out[at] = COS[j] * cosD - SIN[j] * sinD;
        out[at + 1] = SIN[j] * cosD + COS[j] * sinD;
    }
}
