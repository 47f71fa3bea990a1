package meanfield.validation.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.validation.random.SplitMix64;

class InitialPotentialsTest {
    private static final UniformGrid RANGE = new UniformGrid(-1.5, 3.5, 400);

    private static double mean(double xi) {
        return 0.5 + 0.3 * Math.cos(2 * Math.PI * xi);
    }

    @Test
    void potentialsFollowF0NormalizedAtEachNeuronsOwnLabel() {
        // P1's initial density, unnormalized and with a mean that moves with xi.
        double sd = 0.15;
        InitialPotentials initial = new InitialPotentials((v, xi) -> 3 * Math.exp(-Math.pow((v - mean(xi)) / sd, 2) / 2), RANGE);
        SplitMix64 random = new SplitMix64(4);
        int n = 20000;
        double[] standardized = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = (i + 0.5) / n;
            standardized[i] = (initial.sample(xi, random) - mean(xi)) / sd;
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1), standardized);
        assertTrue(p > 0.01, "KS p-value " + p);
    }

    @Test
    void aPotentialIsDrawnFromTheCellsWhereF0HasMass() {
        InitialPotentials initial = new InitialPotentials((v, xi) -> v > 1 && v < 1.25 ? 1 : 0, RANGE);
        // f0 is read at cell midpoints: the support is blurred by at most one cell.
        double h = RANGE.h() * RANGE.cells() / InitialPotentials.CELLS;
        SplitMix64 random = new SplitMix64(1);
        double sum = 0;
        for (int k = 0; k < 10000; k++) {
            double v = initial.sample(0.3, random);
            assertTrue(v >= 1 - h && v <= 1.25 + h, "v = " + v);
            sum += v;
        }
        assertEquals(1.125, sum / 10000, 0.003);
    }

    @Test
    void anInitialDensityWithoutMassOrWithNegativeValuesIsRejected() {
        InvalidModelException empty = assertThrows(InvalidModelException.class,
                () -> new InitialPotentials((v, xi) -> xi > 0.5 ? 0 : 1, RANGE));
        assertEquals(InvalidModelException.Part.INITIAL, empty.part());
        assertTrue(empty.getMessage().contains("no mass"), empty.getMessage());
        InvalidModelException negative = assertThrows(InvalidModelException.class,
                () -> new InitialPotentials((v, xi) -> v, RANGE));
        assertEquals(InvalidModelException.Part.INITIAL, negative.part());
    }
}
