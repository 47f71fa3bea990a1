package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinnedRateDistanceTest {
    private static final double[] TIMES = {0, 0.1, 0.2, 0.3, 0.4};

    /** r(t, xi) = 3 + t + xi at 8 label cells (cell value at its centre). */
    private static double[][] linearRate() {
        double[][] r = new double[TIMES.length][8];
        for (int o = 0; o < TIMES.length; o++) {
            for (int c = 0; c < 8; c++) {
                r[o][c] = 3 + TIMES[o] + (c + 0.5) / 8;
            }
        }
        return r;
    }

    /** Linear in t and cell-constant in xi: the window and bin average is its value at the window's and bin's centres. */
    @Test
    void aLinearRateAveragesToItsValueAtTheCentres() {
        double[] windows = {0, 0.15, 0.4};
        double[] bins = {0, 0.25, 0.5, 1};
        double[] c = new BinnedRateDistance(windows, bins, TIMES, 8).continuum(linearRate());
        assertEquals(3 + 0.075 + 0.125, c[0], 1e-14);
        assertEquals(3 + 0.075 + 0.75, c[2], 1e-14);
        assertEquals(3 + 0.275 + 0.375, c[3 + 1], 1e-14);
    }

    @Test
    void identicalRatesAreAtDistanceZero() {
        BinnedRateDistance d = new BinnedRateDistance(new double[] {0, 0.2, 0.4}, new double[] {0, 0.5, 1}, TIMES, 8);
        double[] c = d.continuum(linearRate());
        assertEquals(0.0, d.distance(c.clone(), c), 0.0);
    }

    /** Particle rates above the continuum by 2 everywhere, over [0, 0.4] x [0, 1]: d = 2 x 0.4. */
    @Test
    void aShiftByAConstantGivesItTimesTheArea() {
        BinnedRateDistance d = new BinnedRateDistance(new double[] {0, 0.1, 0.4}, new double[] {0, 0.3, 1}, TIMES, 8);
        double[] c = d.continuum(linearRate());
        double[] particle = c.clone();
        for (int i = 0; i < particle.length; i++) {
            particle[i] += i % 2 == 0 ? 2 : -2;
        }
        assertEquals(0.8, d.distance(particle, c), 1e-14);
    }
}
