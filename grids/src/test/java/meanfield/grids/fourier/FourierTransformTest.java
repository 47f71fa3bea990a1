package meanfield.grids.fourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FourierTransformTest {

    /** The slow oracle: fhat_k = (1/N) sum_j f(x_j) e^{-2 pi i k.x_j} for one wave vector. */
    private static double[] naiveCoefficient(PeriodicGrid grid, double[] f, int[] k) {
        double[] x = new double[grid.dimension()];
        double re = 0;
        double im = 0;
        for (int j = 0; j < grid.size(); j++) {
            grid.point(j, x);
            double phase = 0;
            for (int a = 0; a < x.length; a++) {
                phase += k[a] * x[a];
            }
            re += f[j] * Math.cos(2 * Math.PI * phase);
            im -= f[j] * Math.sin(2 * Math.PI * phase);
        }
        return new double[] {re / grid.size(), im / grid.size()};
    }

    private static double[] randomValues(PeriodicGrid grid, long seed) {
        Random random = new Random(seed);
        double[] f = new double[grid.size()];
        for (int j = 0; j < f.length; j++) {
            f[j] = random.nextDouble() * 2 - 1;
        }
        return f;
    }

    @ParameterizedTest(name = "d = {0}, n = {1}")
    @CsvSource({"1, 16", "1, 12", "1, 2", "2, 8", "2, 6", "3, 4", "3, 6"})
    void forwardMatchesTheNaiveDftOnEveryStoredCoefficient(int d, int n) {
        PeriodicGrid grid = new PeriodicGrid(d, n);
        FourierTransform t = new FourierTransform(grid);
        double[] f = randomValues(grid, 17 * d + n);
        double[] copy = f.clone();
        double[] spectrum = new double[t.spectrumLength()];
        t.forward(f, spectrum);
        assertArrayEquals(copy, f, 0.0, "forward must leave its input intact");
        int[] k = new int[d];
        for (int c = 0; c < t.coefficients(); c++) {
            t.wavevector(c, k);
            double[] expected = naiveCoefficient(grid, f, k);
            assertEquals(expected[0], spectrum[2 * c], 1e-14, "Re at coefficient " + c);
            assertEquals(expected[1], spectrum[2 * c + 1], 1e-14, "Im at coefficient " + c);
        }
    }

    @ParameterizedTest(name = "d = {0}, n = {1}")
    @CsvSource({"1, 16", "1, 10", "2, 8", "2, 6", "3, 4"})
    void inverseUndoesForwardAndLeavesTheSpectrumIntact(int d, int n) {
        PeriodicGrid grid = new PeriodicGrid(d, n);
        FourierTransform t = new FourierTransform(grid);
        double[] f = randomValues(grid, 5 + n);
        double[] spectrum = new double[t.spectrumLength()];
        t.forward(f, spectrum);
        double[] kept = spectrum.clone();
        double[] back = new double[grid.size()];
        t.inverse(spectrum, back);
        assertArrayEquals(f, back, 1e-14);
        assertArrayEquals(kept, spectrum, 0.0);
    }

    @ParameterizedTest(name = "d = {0}, n = {1}")
    @CsvSource({"1, 8", "1, 10", "2, 8", "2, 12", "3, 8", "3, 6"})
    void inverseOfOneCoefficientIsTheRealPartOfItsWaveTwice(int d, int n) {
        // Coefficient c_k = 0.3 + 0.4i (with its conjugate at -k implied) is 2 Re(c_k e^{2 pi i k.x}).
        PeriodicGrid grid = new PeriodicGrid(d, n);
        FourierTransform t = new FourierTransform(grid);
        int[] wanted = d == 1 ? new int[] {3} : d == 2 ? new int[] {-2, 1} : new int[] {1, -2, 2};
        double[] spectrum = new double[t.spectrumLength()];
        int[] k = new int[d];
        for (int c = 0; c < t.coefficients(); c++) {
            t.wavevector(c, k);
            if (Arrays.equals(k, wanted)) {
                spectrum[2 * c] = 0.3;
                spectrum[2 * c + 1] = 0.4;
            }
        }
        double[] f = new double[grid.size()];
        t.inverse(spectrum, f);
        double[] x = new double[d];
        for (int j = 0; j < grid.size(); j++) {
            grid.point(j, x);
            double phase = 0;
            for (int a = 0; a < d; a++) {
                phase += 2 * Math.PI * wanted[a] * x[a];
            }
            assertEquals(2 * (0.3 * Math.cos(phase) - 0.4 * Math.sin(phase)), f[j], 1e-14, "point " + j);
        }
    }

    @ParameterizedTest(name = "index {0}")
    @CsvSource({"8", "9", "0"})
    void wavenumbersFollowTheFftOrderWithNyquistNegative(int index) {
        PeriodicGrid grid = new PeriodicGrid(1, 16);
        assertEquals(index < 8 ? index : index - 16, grid.wavenumber(index));
        assertEquals(index / 16.0, grid.node(index), 0.0);
    }
}
