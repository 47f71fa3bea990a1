package meanfield.validation.mv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UnitPhaseTest {
    /**
     * cos and sin of 2 pi u from the library on a small argument: u = k/8 + r exactly (Sterbenz),
     * |r| <= 1/16, and the rotation by k pi/4 applied with its exact entries (sqrt(1/2) rounded once),
     * so that the reference is within about 2e-16 where Math.cos(2 pi u) itself can be 9e-16 off
     * near a full turn (the argument 2 pi u is rounded to the spacing of numbers near 2 pi).
     */
    private static double[] reference(double u) {
        int k = (int) Math.round(8 * u);
        double r = u - k / 8.0;
        double c = Math.cos(2 * Math.PI * r);
        double s = Math.sin(2 * Math.PI * r);
        double h = Math.sqrt(0.5);
        double[][] eighth = {{1, 0}, {h, h}, {0, 1}, {-h, h}, {-1, 0}, {-h, -h}, {0, -1}, {h, -h}};
        double[] e = eighth[k & 7];
        return new double[] {e[0] * c - e[1] * s, e[1] * c + e[0] * s};
    }

    @Test
    void cosineAndSineOfAFullTurnFractionAreWithinAFewUnitsInTheLastPlace() {
        SplittableRandom random = new SplittableRandom(5);
        double[] out = new double[2];
        double worst = 0;
        int samples = 1_000_000;
        for (int k = 0; k < samples + 6; k++) {
            // The table's own angles, their neighbours and the ends of [0, 1), then random points.
            double u = switch (k) {
                case 0 -> 0.0;
                case 1 -> Math.nextDown(1.0);
                case 2 -> 0.25;
                case 3 -> 0.5;
                case 4 -> Math.nextUp(0.75);
                case 5 -> 0.5 / 1024;
                default -> random.nextDouble();
            };
            UnitPhase.write(u, out, 0);
            double[] exact = reference(u);
            worst = Math.max(worst, Math.abs(out[0] - exact[0]));
            worst = Math.max(worst, Math.abs(out[1] - exact[1]));
        }
        // Table entries, the two polynomials and the rotation each round once: 3.3e-16 measured,
        // where a wrong coefficient of either polynomial would show above 1e-12.
        assertTrue(worst < 5e-16, "largest difference " + worst);
    }
}
