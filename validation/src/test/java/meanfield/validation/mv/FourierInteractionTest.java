package meanfield.validation.mv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import meanfield.solvers.mv.MvModel;
import meanfield.solvers.mv.TorusFunction;
import meanfield.solvers.parallel.ColumnPool;

class FourierInteractionTest {
    private static final double TWO_PI = 2 * Math.PI;

    /** Positions clustered around 0.3 in every axis, shifted by random whole numbers (lifts of the torus). */
    static double[] clusteredLifts(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int c = 0; c < x.length; c++) {
            double u = random.nextDouble();
            x[c] = u + 0.15 * Math.sin(TWO_PI * u) + random.nextInt(-3, 4);
        }
        return x;
    }

    /** The O(N^2) oracle: (1/N) sum_j Kf(X_i - X_j), the difference reduced to [0, 1)^d. */
    static double[] directDrift(MvModel model, double[] x, int n) {
        int d = model.dimension();
        double[] drift = new double[n * d];
        double[] difference = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = 0; a < d; a++) {
                    double delta = x[i * d + a] - x[j * d + a];
                    difference[a] = delta - Math.floor(delta);
                }
                for (int a = 0; a < d; a++) {
                    drift[i * d + a] += model.interaction().get(a).value(difference) / n;
                }
            }
        }
        return drift;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int c = 0; c < a.length; c++) {
            max = Math.max(max, Math.abs(a[c] - b[c]));
        }
        return max;
    }

    private static double[] fastDrift(FourierInteraction interaction, double[] x, int n, int d, int threads) {
        double[] drift = new double[n * d];
        try (ColumnPool pool = new ColumnPool(threads)) {
            interaction.drift(x, n, drift, pool);
        }
        return drift;
    }

    /** Kf(x) = sin(2 pi x) / (1.2 - cos(2 pi x)): coefficients decay like 0.54^|k|, so M is about 40. */
    static MvModel manyModes1d() {
        return MvModel.oneDimensional(0.01, x -> Math.sin(TWO_PI * x) / (1.2 - Math.cos(TWO_PI * x)), x -> 1.0);
    }

    @Test
    void fastInteractionAgreesWithTheDirectSumToItsStatedBoundIn1d() {
        MvModel model = manyModes1d();
        int n = 3000;
        double[] x = clusteredLifts(n, 1, 1);
        double[] direct = directDrift(model, x, n);
        FourierInteraction fine = FourierInteraction.of(model, 1e-10);
        assertTrue(fine.modes() > 30, "this Kf needs many modes, got M = " + fine.modes());
        assertTrue(fine.errorBound() <= 1e-10);
        assertTrue(maxDifference(direct, fastDrift(fine, x, n, 1, 1)) <= fine.errorBound() + 1e-12);
        // A loose tolerance keeps fewer modes; the error grows but stays within the bound it states.
        FourierInteraction coarse = FourierInteraction.of(model, 1e-4);
        double error = maxDifference(direct, fastDrift(coarse, x, n, 1, 1));
        assertTrue(coarse.modes() < fine.modes() && coarse.errorBound() <= 1e-4);
        assertTrue(error <= coarse.errorBound() + 1e-12, error + " > bound " + coarse.errorBound());
        assertTrue(error > 1e-9, "truncation must show at M = " + coarse.modes() + ": " + error);
    }

    @Test
    void fastInteractionAgreesWithTheDirectSumToItsStatedBoundIn2d() {
        List<TorusFunction> kf = List.of(
                p -> Math.sin(TWO_PI * p[0]) * Math.exp(Math.cos(TWO_PI * p[1])),
                p -> Math.sin(TWO_PI * p[1]) / (1.5 - Math.cos(TWO_PI * p[0])));
        MvModel model = new MvModel(2, 0.01, kf, p -> 1.0);
        int n = 700;
        double[] x = clusteredLifts(n, 2, 2);
        FourierInteraction interaction = FourierInteraction.of(model, 1e-10);
        assertTrue(interaction.modes() > 10, "M = " + interaction.modes());
        double error = maxDifference(directDrift(model, x, n), fastDrift(interaction, x, n, 2, 1));
        assertTrue(error <= interaction.errorBound() + 1e-12, error + " > bound " + interaction.errorBound());
    }

    @Test
    void theDriftIsTheSameForAnyThreadCountIn1dAnd2d() {
        FourierInteraction interaction = FourierInteraction.of(manyModes1d(), 1e-10);
        int n = 5 * MvSimulator.BLOCK + 17;
        double[] x = clusteredLifts(n, 1, 3);
        assertArrayEquals(fastDrift(interaction, x, n, 1, 1), fastDrift(interaction, x, n, 1, 2), 0.0);
        List<TorusFunction> kf = List.of(p -> Math.sin(TWO_PI * (p[0] + 2 * p[1])),
                p -> Math.cos(TWO_PI * p[0]) * Math.sin(TWO_PI * p[1]));
        FourierInteraction interaction2d = FourierInteraction.of(new MvModel(2, 0.01, kf, p -> 1.0), 1e-10);
        double[] y = clusteredLifts(n, 2, 4);
        assertArrayEquals(fastDrift(interaction2d, y, n, 2, 1), fastDrift(interaction2d, y, n, 2, 2), 0.0);
    }

    @Test
    void aSingleModeKernelKeepsOneMode() {
        // P4: Kf = -sin(2 pi x) is the k = +-1 pair alone.
        MvModel p4 = MvModel.oneDimensional(0.02, x -> -Math.sin(TWO_PI * x), x -> 1 + 0.2 * Math.cos(TWO_PI * x));
        FourierInteraction interaction = FourierInteraction.of(p4, 1e-10);
        assertEquals(1, interaction.modes());
        assertEquals(1, interaction.wavevectorCount());
    }

    @Test
    void aKernelWithAJumpIsRefused() {
        MvModel jump = MvModel.oneDimensional(0.01, x -> x < 0.5 ? 1.0 : -1.0, x -> 1.0);
        assertThrows(IllegalArgumentException.class, () -> FourierInteraction.of(jump, 1e-10));
    }
}
