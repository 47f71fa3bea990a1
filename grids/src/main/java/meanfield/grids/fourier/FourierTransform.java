package meanfield.grids.fourier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The real-to-complex discrete Fourier transform on a {@link PeriodicGrid}, normalized to the
 * Fourier coefficients of the torus (N = n^d points x_j):
 * <pre>
 *   fhat_k = (1/N) sum_j f(x_j) e^{-2 pi i k.x_j},        f(x_j) = sum_k fhat_k e^{2 pi i k.x_j},
 * </pre>
 * so fhat_0 is the mean of f (its mass on the unit torus) and, for smooth f, fhat_k approximates
 * int f(x) e^{-2 pi i k.x} dx spectrally.
 * <p>
 * <b>Spectrum layout (half spectrum, as FFTW's r2c).</b> Real data have fhat_{-k} = conj fhat_k,
 * so the last axis keeps only its indices 0..n/2 (wavenumbers 0..n/2); every other axis keeps its
 * n FFT indices (wavenumber {@link PeriodicGrid#wavenumber}). The coefficients are row-major over
 * the shape (n, ..., n, n/2 + 1), last axis fastest, and complex-interleaved: coefficient c has its
 * real part at 2c and its imaginary part at 2c + 1. In 1D that is
 * [Re_0, Im_0, Re_1, Im_1, ..., Re_{n/2}, Im_{n/2}], n + 2 doubles.
 * <p>
 * <b>How.</b> JTransforms {@code DoubleFFT_1D} along lines: {@code realForward} on each last-axis
 * line, whose packed output [Re_0, Re_{n/2}, Re_1, Im_1, ...] is unpacked in place into the layout
 * above, then {@code complexForward} along each other axis (gathered into a line buffer). The 1D
 * plans are cached per n and shared between threads (they are read-only after construction); line
 * lengths below 4096 never start JTransforms' own threads, so parallelism stays with the caller.
 * An instance owns scratch space: use one per thread. Powers of two are the fast sizes.
 */
public final class FourierTransform {
    private static final Map<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

    private final PeriodicGrid grid;
    private final int n;
    private final int lines;
    private final int lineLength;
    private final int coefficients;
    private final double inverseSize;
    private final DoubleFFT_1D plan;
    /** One complex line along a full axis (2n doubles). */
    private final double[] line;
    /** A spectrum being inverted, so that the caller's spectrum stays intact. */
    private final double[] work;

    public FourierTransform(PeriodicGrid grid) {
        this.grid = grid;
        this.n = grid.n();
        this.lines = grid.size() / n;
        this.lineLength = n + 2;
        this.coefficients = lines * (n / 2 + 1);
        this.inverseSize = 1.0 / grid.size();
        this.plan = PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
        this.line = new double[2 * n];
        this.work = new double[2 * coefficients];
    }

    public PeriodicGrid grid() {
        return grid;
    }

    /** Number of complex coefficients stored: n^(d-1) (n/2 + 1). */
    public int coefficients() {
        return coefficients;
    }

    /** Length of a spectrum array: 2 {@link #coefficients()}. */
    public int spectrumLength() {
        return 2 * coefficients;
    }

    /** Writes the integer wave vector of coefficient c into k (length d). */
    public void wavevector(int c, int[] k) {
        int d = grid.dimension();
        int half = n / 2 + 1;
        k[d - 1] = c % half;
        int rest = c / half;
        for (int a = d - 2; a >= 0; a--) {
            k[a] = grid.wavenumber(rest % n);
            rest /= n;
        }
    }

    /** The Fourier coefficients of values (left intact) into spectrum. */
    public void forward(double[] values, double[] spectrum) {
        for (int l = 0; l < lines; l++) {
            int off = l * lineLength;
            int from = l * n;
            // The 1/N normalization is folded into the copy rather than spent in a pass of its own.
            for (int j = 0; j < n; j++) {
                spectrum[off + j] = values[from + j] * inverseSize;
            }
            plan.realForward(spectrum, off);
            spectrum[off + n] = spectrum[off + 1];
            spectrum[off + n + 1] = 0.0;
            spectrum[off + 1] = 0.0;
        }
        for (int axis = 0; axis < grid.dimension() - 1; axis++) {
            transformAxis(spectrum, axis, true);
        }
    }

    /** The values at the grid points of the spectrum (left intact) into values. */
    public void inverse(double[] spectrum, double[] values) {
        System.arraycopy(spectrum, 0, work, 0, work.length);
        inverseInPlace(work, values);
    }

    /** out = M f for real values f: transform, multiply, transform back. out may be values. */
    public void applyMultiplier(FourierMultiplier multiplier, double[] values, double[] out) {
        forward(values, work);
        multiplier.apply(work);
        inverseInPlace(work, out);
    }

    /** Inverse transform that overwrites the spectrum it is given. */
    private void inverseInPlace(double[] spectrum, double[] values) {
        for (int axis = 0; axis < grid.dimension() - 1; axis++) {
            transformAxis(spectrum, axis, false);
        }
        for (int l = 0; l < lines; l++) {
            int off = l * lineLength;
            // Back to JTransforms' packing; the imaginary parts at 0 and n/2 of a real line are zero.
            spectrum[off + 1] = spectrum[off + n];
            // Unscaled realInverse returns n/2 times the data for split-radix plans but n times for
            // the others; the scaled one inverts realForward exactly for every plan, hence its 1/n undone.
            plan.realInverse(spectrum, off, true);
            int to = l * n;
            for (int j = 0; j < n; j++) {
                values[to + j] = spectrum[off + j] * n;
            }
        }
    }

    /**
     * Complex transforms along full axis {@code axis} (< d - 1), unscaled: forward with
     * e^{-2 pi i}, inverse with e^{+2 pi i}. Lines are strided, so each is gathered into a buffer.
     */
    private void transformAxis(double[] spectrum, int axis, boolean forward) {
        int stride = n / 2 + 1;
        for (int a = grid.dimension() - 2; a > axis; a--) {
            stride *= n;
        }
        int outer = coefficients / (stride * n);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < stride; i++) {
                int first = o * n * stride + i;
                for (int j = 0; j < n; j++) {
                    int c = 2 * (first + j * stride);
                    line[2 * j] = spectrum[c];
                    line[2 * j + 1] = spectrum[c + 1];
                }
                if (forward) {
                    plan.complexForward(line, 0);
                } else {
                    plan.complexInverse(line, 0, false);
                }
                for (int j = 0; j < n; j++) {
                    int c = 2 * (first + j * stride);
                    spectrum[c] = line[2 * j];
                    spectrum[c + 1] = line[2 * j + 1];
                }
            }
        }
    }
}
