package meanfield.validation.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The distances of validate against closed forms and slow oracles. */
class ValidationDistancesTest {

    @Test
    void cdfDistanceMatchesAFineRiemannSumOfTheDistributionFunctions() {
        double[] samples = {-0.3, 0.1, 0.1, 0.45, 0.8, 1.7};
        double[] edges = {0, 0.25, 0.5, 1.0};
        double[] cumulative = {0, 0.2, 0.7, 1.0};
        double exact = CdfDistance.of(samples, 0, samples.length, edges, cumulative);
        double riemann = 0;
        int steps = 2_000_000;
        double a = -0.5;
        double b = 2.0;
        double h = (b - a) / steps;
        for (int s = 0; s < steps; s++) {
            double x = a + (s + 0.5) * h;
            int below = 0;
            for (double v : samples) {
                below += v <= x ? 1 : 0;
            }
            double f = x <= 0 ? 0 : x >= 1 ? 1 : x < 0.25 ? 0.8 * x : x < 0.5 ? 0.2 + 2 * (x - 0.25) : 0.7 + 0.6 * (x - 0.5);
            riemann += Math.abs((double) below / samples.length - f) * h;
        }
        assertEquals(riemann, exact, 1e-6);
    }

    @Test
    void oneSampleAgainstAUniformCellIsItsMeanAbsoluteDeviation() {
        // F uniform on [0, 1], one sample at 0.3: int |1{x >= 0.3} - x| = 0.3^2/2 + 0.7^2/2.
        assertEquals(0.5 * (0.09 + 0.49), CdfDistance.of(new double[] {0.3}, 0, 1, new double[] {0, 1}, new double[] {0, 1}),
                1e-15);
    }

    @Test
    void circularW1OfAShiftedPointMassIsTheShortestArc() {
        int n = 10;
        double[] a = new double[n];
        double[] b = new double[n];
        a[0] = 1;
        b[8] = 1;
        // Two bins of width 0.1 with uniform mass, 2 bins apart the short way round: W1 = 0.2.
        assertEquals(0.2, CircularWassersteinDistance.circle(a, b), 1e-12);
        // The same pair rotated: the circle has no origin.
        double[] ra = new double[n];
        double[] rb = new double[n];
        ra[5] = 1;
        rb[3] = 1;
        assertEquals(0.2, CircularWassersteinDistance.circle(ra, rb), 1e-12);
    }

    @Test
    void onTheTorusTheDistanceSumsTheMarginalsOverAxes() {
        // 2D, 4 bins per axis, one component: a point mass in bin (0, 0) against bin (1, 3).
        double[] a = new double[16];
        double[] b = new double[16];
        a[0] = 1;
        b[1 * 4 + 3] = 1;
        assertEquals(0.25 + 0.25, new CircularWassersteinDistance(2, 4, 1).distance(a, b), 1e-12);
    }

    @Test
    void coarseningAFineHistogramGivesTheCoarseHistogram() {
        // 2D, 4 fine bins per axis onto 2, two components.
        double[] fine = new double[16 * 2];
        for (int i = 0; i < fine.length; i++) {
            fine[i] = i;
        }
        double[] coarse = TorusCoarsening.coarsen(fine, 2, 4, 2, 2);
        // Coarse bin (0, 0) holds fine (0..1, 0..1): fine cells 0, 1, 4, 5.
        assertEquals(fine[0] + fine[2] + fine[8] + fine[10], coarse[0], 0.0);
        assertEquals(fine[1] + fine[3] + fine[9] + fine[11], coarse[1], 0.0);
    }

    @Test
    void theVoltageHistogramOfNeuronsMatchesTheContinuumItWasDrawnFromBinByBin() {
        LabelBins bins = new LabelBins(2);
        VoltageDensityDistance d = new VoltageDensityDistance(bins, 0, 1, 2);
        // Four neurons: bin 0 holds neurons 0, 1 at v = 0.2 and 1.5 (above), bin 1 neurons 2, 3 at 0.7 and -1.
        double[] hist = d.particles(new double[] {0.2, 1.5, 0.7, -1});
        assertArrayEquals(new double[] {0, 0.5, 0, 0.5, 0.5, 0, 0.5, 0}, hist, 0.0);
        // A continuum uniform in v on [0, 1] on 2 label cells x 4 v cells: half a unit of mass per v bin.
        double[] density = new double[8];
        java.util.Arrays.fill(density, 1.0);
        double[] c = d.continuum(density, 2, new double[] {0, 0.25, 0.5, 0.75, 1});
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0, 0, 0.5, 0.5, 0}, c, 1e-15);
        // |B| sum |hist - c|: bin 0: 0 + 0 + 0.5 + 0.5 = 1; bin 1: 0.5 + 0.5 + 0 + 0 = 1; times 1/2 each.
        assertEquals(1.0, d.distance(hist, c), 1e-15);
    }
}
