package meanfield.grids.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

class FourierMultiplierTest {

    @Test
    void convolutionMultiplierEqualsTheDirectCircularSumIn1d() {
        PeriodicGrid grid = new PeriodicGrid(1, 24);
        FourierTransform t = new FourierTransform(grid);
        // Neither even nor smooth: the identity with the discrete sum is exact whatever K is.
        DoubleUnaryOperator kernel = x -> x < 0.3 ? 1 + x * x : -0.5 * x;
        DoubleUnaryOperator f = x -> Math.exp(Math.sin(2 * Math.PI * x)) + 0.3 * x;
        double[] k = grid.sample(x -> kernel.applyAsDouble(x[0]));
        double[] values = grid.sample(x -> f.applyAsDouble(x[0]));
        double[] out = new double[grid.size()];
        t.applyMultiplier(FourierMultiplier.convolution(t, k), values, out);
        int n = grid.n();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += k[Math.floorMod(i - j, n)] * values[j];
            }
            assertEquals(sum / n, out[i], 1e-14, "node " + i);
        }
    }

    @Test
    void convolutionMultiplierEqualsTheDirectCircularSumIn2d() {
        PeriodicGrid grid = new PeriodicGrid(2, 6);
        FourierTransform t = new FourierTransform(grid);
        double[] k = grid.sample(x -> x[0] + 2 * x[1] * x[1] - x[0] * x[1]);
        double[] values = grid.sample(x -> Math.cos(2 * Math.PI * x[0]) + x[1]);
        double[] out = new double[grid.size()];
        t.applyMultiplier(FourierMultiplier.convolution(t, k), values, out);
        int n = grid.n();
        for (int i0 = 0; i0 < n; i0++) {
            for (int i1 = 0; i1 < n; i1++) {
                double sum = 0;
                for (int j0 = 0; j0 < n; j0++) {
                    for (int j1 = 0; j1 < n; j1++) {
                        sum += k[Math.floorMod(i0 - j0, n) * n + Math.floorMod(i1 - j1, n)] * values[j0 * n + j1];
                    }
                }
                assertEquals(sum / (n * n), out[i0 * n + i1], 1e-14);
            }
        }
    }

    @Test
    void derivativeSymbolDifferentiatesATrigonometricPolynomialExactly() {
        PeriodicGrid grid = new PeriodicGrid(2, 16);
        FourierTransform t = new FourierTransform(grid);
        // d/dy has symbol 2 pi i k_y, set to zero at the Nyquist index where it is not Hermitian.
        FourierMultiplier dy = FourierMultiplier.of(t, (k, m) -> m[1] = 2 * k[1] == grid.n() ? 0 : 2 * Math.PI * k[1]);
        double[] f = grid.sample(x -> Math.sin(2 * Math.PI * 3 * x[0]) * Math.cos(2 * Math.PI * 2 * x[1]));
        double[] out = new double[grid.size()];
        t.applyMultiplier(dy, f, out);
        double[] expected = grid.sample(
                x -> -4 * Math.PI * Math.sin(2 * Math.PI * 3 * x[0]) * Math.sin(2 * Math.PI * 2 * x[1]));
        for (int j = 0; j < out.length; j++) {
            assertEquals(expected[j], out[j], 1e-12, "point " + j);
        }
    }

    @Test
    void twoThirdsRuleKeepsExactlyTheModesBelowAThirdOfTheGrid() {
        PeriodicGrid grid = new PeriodicGrid(2, 12);
        FourierTransform t = new FourierTransform(grid);
        double[] spectrum = new double[t.spectrumLength()];
        Arrays.fill(spectrum, 1.0);
        FourierMultiplier.twoThirdsRule(t).apply(spectrum);
        int[] k = new int[2];
        int kept = 0;
        for (int c = 0; c < t.coefficients(); c++) {
            t.wavevector(c, k);
            boolean keep = Math.abs(k[0]) <= 3 && Math.abs(k[1]) <= 3;
            assertEquals(keep ? 1.0 : 0.0, spectrum[2 * c], 0.0, "k = " + k[0] + ", " + k[1]);
            assertEquals(keep ? 1.0 : 0.0, spectrum[2 * c + 1], 0.0);
            kept += keep ? 1 : 0;
        }
        assertEquals(7 * 4, kept);
    }

    @Test
    void productOfMultipliersIsTheirComposition() {
        PeriodicGrid grid = new PeriodicGrid(1, 8);
        FourierTransform t = new FourierTransform(grid);
        FourierMultiplier a = FourierMultiplier.of(t, (k, m) -> {
            m[0] = 1 + k[0];
            m[1] = 0.5 * k[0];
        });
        FourierMultiplier b = FourierMultiplier.of(t, (k, m) -> {
            m[0] = -2;
            m[1] = k[0] * k[0];
        });
        double[] spectrum = new double[t.spectrumLength()];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = Math.sin(i + 1.0);
        }
        double[] twice = spectrum.clone();
        a.apply(twice);
        b.apply(twice);
        double[] once = new double[spectrum.length];
        a.times(b).apply(spectrum, once);
        for (int i = 0; i < once.length; i++) {
            assertEquals(twice[i], once[i], 1e-13);
        }
        double[] sum = once.clone();
        a.times(b).accumulate(spectrum, sum);
        for (int i = 0; i < once.length; i++) {
            assertEquals(2 * once[i], sum[i], 1e-13);
        }
    }
}
