package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinnedDensityDistanceTest {
    private static double[] centres(int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = (j + 0.5) / n;
        }
        return x;
    }

    @Test
    void identicalBinnedDensitiesAreAtDistanceZero() {
        BinnedDensityDistance d = new BinnedDensityDistance(centres(16), 1, 4);
        double[] rho = new double[16];
        java.util.Arrays.fill(rho, 1.0);
        double[] c = d.continuum(rho);
        assertEquals(0.0, d.distance(c.clone(), c), 0.0);
    }

    /** rho = 2 on [0, 1/2) against a histogram shifted by one bin: bins 0 and 2 differ by 1/2 each, d = 1. */
    @Test
    void aHistogramShiftedByOneBinIsAtTheKnownDistance() {
        BinnedDensityDistance d = new BinnedDensityDistance(centres(16), 1, 4);
        double[] rho = new double[16];
        for (int j = 0; j < 8; j++) {
            rho[j] = 2.0;
        }
        double[] c = d.continuum(rho);
        assertEquals(0.5, c[0], 1e-15);
        assertEquals(0.5, c[1], 1e-15);
        // The particles sit on bins 1 and 2 instead of 0 and 1: bin 0 misses 1/2, bin 2 has 1/2 too much.
        double[] histogram = {0, 0.5, 0.5, 0};
        assertEquals(1.0, d.distance(histogram, c), 1e-15);
    }
}
