package meanfield.grids.fourier;

/**
 * A Fourier multiplier: the operator with (M f)^_k = m_k fhat_k, stored as one complex factor per
 * coefficient of the half spectrum of a {@link FourierTransform}, interleaved like the spectrum.
 * A multiplier that maps real functions to real functions has m_{-k} = conj m_k, so the stored
 * half determines it; at a Nyquist index (|k_a| = n/2) such a symbol must be real, which is why
 * odd symbols (derivatives) are composed with {@link #twoThirdsRule} or set to zero there.
 */
public final class FourierMultiplier {
    /** The symbol m(k) of a multiplier as a function of the integer wave vector. */
    @FunctionalInterface
    public interface Symbol {
        /** Writes the real part of m(k) into factor[0] and its imaginary part into factor[1]. */
        void evaluate(int[] k, double[] factor);
    }

    private final double[] factor;

    private FourierMultiplier(double[] factor) {
        this.factor = factor;
    }

    /** The multiplier with symbol m(k) on the spectra of t. */
    public static FourierMultiplier of(FourierTransform t, Symbol symbol) {
        double[] factor = new double[t.spectrumLength()];
        int[] k = new int[t.grid().dimension()];
        double[] value = new double[2];
        for (int c = 0; c < t.coefficients(); c++) {
            t.wavevector(c, k);
            value[0] = 0.0;
            value[1] = 0.0;
            symbol.evaluate(k, value);
            factor[2 * c] = value[0];
            factor[2 * c + 1] = value[1];
        }
        return new FourierMultiplier(factor);
    }

    /**
     * Periodic convolution with a kernel K given by its values at the grid points:
     * (K * f)(x) = int K(x - y) f(y) dy, whose symbol is Khat_k = int K(x) e^{-2 pi i k.x} dx,
     * here the discrete coefficients of K (spectrally accurate for smooth periodic K; on the grid
     * this is exactly the discrete circular convolution (1/N) sum_j K(x_i - x_j) f(x_j)).
     */
    public static FourierMultiplier convolution(FourierTransform t, double[] kernelValues) {
        double[] factor = new double[t.spectrumLength()];
        t.forward(kernelValues, factor);
        return new FourierMultiplier(factor);
    }

    /**
     * Orszag's 2/3 rule: 1 where every |k_a| < n/3, 0 elsewhere. A quadratic product of two
     * functions so truncated has no aliasing on the kept modes, and the Nyquist modes are gone.
     */
    public static FourierMultiplier twoThirdsRule(FourierTransform t) {
        int n = t.grid().n();
        return of(t, (k, m) -> {
            for (int ka : k) {
                if (3 * Math.abs(ka) >= n) {
                    return;
                }
            }
            m[0] = 1.0;
        });
    }

    /** The composition M O (= O M): symbols multiplied. */
    public FourierMultiplier times(FourierMultiplier other) {
        double[] product = new double[factor.length];
        for (int i = 0; i < factor.length; i += 2) {
            product[i] = factor[i] * other.factor[i] - factor[i + 1] * other.factor[i + 1];
            product[i + 1] = factor[i] * other.factor[i + 1] + factor[i + 1] * other.factor[i];
        }
        return new FourierMultiplier(product);
    }

    /** spectrum <- M spectrum. */
    public void apply(double[] spectrum) {
        apply(spectrum, spectrum);
    }

    /** out = M in (out may be in). */
    public void apply(double[] in, double[] out) {
        for (int i = 0; i < factor.length; i += 2) {
            double re = in[i];
            double im = in[i + 1];
            out[i] = factor[i] * re - factor[i + 1] * im;
            out[i + 1] = factor[i] * im + factor[i + 1] * re;
        }
    }

    /** out += M in: sums of multiplied spectra without a temporary. */
    public void accumulate(double[] in, double[] out) {
        for (int i = 0; i < factor.length; i += 2) {
            double re = in[i];
            double im = in[i + 1];
            out[i] += factor[i] * re - factor[i + 1] * im;
            out[i + 1] += factor[i] * im + factor[i + 1] * re;
        }
    }
}
