package meanfield.validation.mv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UnitPhaseTest {
    @Test
    void cosineAndSineOfAFullTurnFractionAgreeWithTheLibraryToAFewUnitsInTheLastPlace() {
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
            worst = Math.max(worst, Math.abs(out[0] - Math.cos(2 * Math.PI * u)));
            worst = Math.max(worst, Math.abs(out[1] - Math.sin(2 * Math.PI * u)));
        }
        // The library's argument 2 pi u is rounded too, by up to 4.4e-16 near a full turn, which moves
        // its cosine and sine by as much: the two agree to 9e-16 (measured), where a wrong
        // coefficient of either polynomial would show above 1e-12.
        assertTrue(worst < 1e-15, "largest difference " + worst);
    }
}
