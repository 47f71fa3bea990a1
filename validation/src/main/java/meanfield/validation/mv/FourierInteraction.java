package meanfield.validation.mv;

import java.util.Arrays;

import meanfield.solvers.model.InvalidModelException;
import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.mv.MvModel;
import meanfield.solvers.parallel.ColumnPool;

/**
 * The particle interaction (1/N) sum_j Kf(X_i - X_j) of MODEL.md 3 for all i in O(N W) instead of
 * O(N^2), W the number of Fourier modes kept, by the nonuniform Fourier sums
 * <pre>
 *   (Kf * mu_N)(x) = sum_k Kfhat_k muhat_k e^{2 pi i k.x},   muhat_k = (1/N) sum_j e^{-2 pi i k.X_j},
 * </pre>
 * truncated to the wave vectors with max_a |k_a| <= M (j = i included, as in the formula).
 *
 * <p><b>Accuracy.</b> Since |muhat_k| <= 1, truncation changes each component of the drift by at
 * most the tail sum_{max |k_a| > M} |Kfhat_k|. Kfhat is computed by the FFT of Kf on a periodic
 * grid (1024 points in 1D, 128^2 in 2D, 32^3 in 3D), spectrally accurate for smooth Kf; M is the
 * smallest with the tail of those coefficients below the tolerance, and that tail is reported as
 * {@link #errorBound()}. It is a true bound as long as Kf is resolved on the grid (its coefficients
 * have decayed to round-off before the grid's Nyquist mode); a Kf whose tail stays above the
 * tolerance up to the largest M allowed (256, 32, 8 by dimension) is refused, since the sum would
 * not be what it claims.
 *
 * <p><b>Parallelism.</b> Particles are taken in fixed blocks of {@link MvSimulator#BLOCK}: each
 * block sums its own part of muhat, the parts are added in block order, and each drift is
 * evaluated independently: the result does not depend on the thread count.
 */
public final class FourierInteraction {
    /** Default bound on the drift error from truncation. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Grid points per axis for the coefficients of Kf, by dimension (index 1..3). */
    private static final int[] SAMPLES = {0, 1024, 128, 32};
    /** Largest M by dimension: the cost per particle is ((2M+1)^d - 1)/2 complex products. */
    private static final int[] MAX_MODES = {0, 256, 32, 8};

    private final int dimension;
    private final int modes;
    private final double errorBound;
    /** Wave vectors k != 0 with max |k_a| <= M and first nonzero component positive, as count x d. */
    private final int count;
    /**
     * Where e^{2 pi i k_a X_a} of wave vector c sits among a particle's powers (2 (a (M + 1) + |k_a|),
     * [c d + a]) and the sign of its imaginary part (-1 for k_a < 0): the product over the axes then
     * needs no branch. In 1D the wave vectors are 1..M in order and the powers are read directly.
     */
    private final int[] powerIndex;
    private final double[] powerSign;
    /** Kfhat of component a at wave vector c: re at 2 (c d + a), im at 2 (c d + a) + 1. */
    private final double[] kernelHat;
    /** Kfhat_0 of each component: the mean of Kf, real. */
    private final double[] kernelMean;

    // Scratch for one particle count: phases e^{2 pi i X_a} (2 d per particle), block sums, coefficients.
    private int scratchSize = -1;
    private double[] phase;
    private double[] blockSums;
    /** Kfhat_{a,k} muhat_k: [2 (c d + a)] re, +1 im. */
    private final double[] coefficient;
    private double[][] powers;
    /** Per worker, in 1D: the current powers e^{2 pi i k X_j} (real, imaginary) and a drift sum of a block's particles. */
    private double[][] blockPowers;

    private FourierInteraction(int dimension, int modes, double errorBound, int[] wavevectors, double[] kernelHat,
            double[] kernelMean) {
        this.dimension = dimension;
        this.modes = modes;
        this.errorBound = errorBound;
        this.count = wavevectors.length / dimension;
        this.powerIndex = new int[wavevectors.length];
        this.powerSign = new double[wavevectors.length];
        for (int c = 0; c < count; c++) {
            for (int a = 0; a < dimension; a++) {
                int ka = wavevectors[c * dimension + a];
                powerIndex[c * dimension + a] = 2 * (a * (modes + 1) + Math.abs(ka));
                powerSign[c * dimension + a] = ka < 0 ? -1 : 1;
            }
        }
        this.kernelHat = kernelHat;
        this.kernelMean = kernelMean;
        this.coefficient = new double[kernelHat.length];
    }

    /** The interaction of a model, with the smallest M whose truncation error is below tolerance. */
    public static FourierInteraction of(MvModel model, double tolerance) {
        int d = model.dimension();
        int n = SAMPLES[d];
        PeriodicGrid grid = new PeriodicGrid(d, n);
        FourierTransform transform = new FourierTransform(grid);
        double[][] spectra = new double[d][transform.spectrumLength()];
        for (int a = 0; a < d; a++) {
            var component = model.interaction().get(a);
            transform.forward(grid.sample(component::value), spectra[a]);
        }
        // Per component, the sum of |Kfhat_k| over each shell max |k_a| = s of the whole spectrum.
        int half = n / 2;
        double[][] shell = new double[d][half + 1];
        int[] k = new int[d];
        double[] value = new double[2];
        for (int flat = 0; flat < grid.size(); flat++) {
            int s = 0;
            for (int a = d - 1, rest = flat; a >= 0; a--, rest /= n) {
                k[a] = rest % n - half;
                s = Math.max(s, Math.abs(k[a]));
            }
            for (int a = 0; a < d; a++) {
                coefficientOf(transform, spectra[a], k, value);
                shell[a][s] += Math.hypot(value[0], value[1]);
            }
        }
        int maxModes = Math.min(MAX_MODES[d], half - 1);
        int m = 0;
        double tail = tail(shell, 0);
        while (tail > tolerance && m < maxModes) {
            tail = tail(shell, ++m);
        }
        if (tail > tolerance) {
            throw new InvalidModelException(InvalidModelException.Part.KERNEL, "the interaction Kf is not smooth enough for the Fourier particle "
                    + "interaction: beyond " + m + " modes its coefficients on a " + n + "-point grid still sum to "
                    + tail + " > tolerance " + tolerance);
        }
        int side = 2 * m + 1;
        int total = 1;
        for (int a = 0; a < d; a++) {
            total *= side;
        }
        int[] wavevectors = new int[(total - 1) / 2 * d];
        double[] kernelHat = new double[2 * wavevectors.length];
        int c = 0;
        for (int flat = 0; flat < total; flat++) {
            int first = 0;
            for (int a = d - 1, rest = flat; a >= 0; a--, rest /= side) {
                k[a] = rest % side - m;
            }
            while (first < d && k[first] == 0) {
                first++;
            }
            if (first == d || k[first] < 0) {
                continue;
            }
            for (int a = 0; a < d; a++) {
                wavevectors[c * d + a] = k[a];
            }
            for (int a = 0; a < d; a++) {
                coefficientOf(transform, spectra[a], k, value);
                kernelHat[2 * (c * d + a)] = value[0];
                kernelHat[2 * (c * d + a) + 1] = value[1];
            }
            c++;
        }
        double[] kernelMean = new double[d];
        for (int a = 0; a < d; a++) {
            kernelMean[a] = spectra[a][0];
        }
        return new FourierInteraction(d, m, tail, wavevectors, kernelHat, kernelMean);
    }

    private static double tail(double[][] shell, int m) {
        double worst = 0;
        for (double[] component : shell) {
            double sum = 0;
            for (int s = m + 1; s < component.length; s++) {
                sum += component[s];
            }
            worst = Math.max(worst, sum);
        }
        return worst;
    }

    /** Kfhat at wave vector k (|k_a| <= n/2) from a half spectrum, by conjugate symmetry when k_last < 0. */
    private static void coefficientOf(FourierTransform t, double[] spectrum, int[] k, double[] value) {
        int d = k.length;
        int n = t.grid().n();
        boolean conjugate = k[d - 1] < 0;
        int sign = conjugate ? -1 : 1;
        int index = 0;
        for (int a = 0; a < d - 1; a++) {
            index = index * n + Math.floorMod(sign * k[a], n);
        }
        index = index * (n / 2 + 1) + sign * k[d - 1];
        value[0] = spectrum[2 * index];
        value[1] = conjugate ? -spectrum[2 * index + 1] : spectrum[2 * index + 1];
    }

    /** M: the largest |k_a| kept. */
    public int modes() {
        return modes;
    }

    /** Wave vectors summed per particle (k and -k counted once). */
    public int wavevectorCount() {
        return count;
    }

    /** Bound on |fast - exact| for each drift component (see the class comment). */
    public double errorBound() {
        return errorBound;
    }

    /**
     * drift[i d + a] = sum_k Kfhat_{a,k} muhat_k e^{2 pi i k.X_i} for the n particles at positions
     * (n x d, any lift of the torus positions: only X mod 1 matters).
     */
    public void drift(double[] positions, int n, double[] drift, ColumnPool pool) {
        int blocks = (n + MvSimulator.BLOCK - 1) / MvSimulator.BLOCK;
        prepareScratch(n, blocks, pool.workers());
        pool.forEachChunk(blocks, (worker, from, to) -> {
            for (int b = from; b < to; b++) {
                int end = Math.min(n, (b + 1) * MvSimulator.BLOCK);
                if (dimension == 1) {
                    sumBlock1d(positions, b, end, blockPowers[worker]);
                } else {
                    sumBlock(positions, b, end, powers[worker]);
                }
            }
        });
        // muhat_k in block order, then the coefficients Kfhat_k muhat_k of each component.
        for (int c = 0; c < count; c++) {
            double re = 0;
            double im = 0;
            for (int b = 0; b < blocks; b++) {
                re += blockSums[2 * (b * count + c)];
                im += blockSums[2 * (b * count + c) + 1];
            }
            re /= n;
            im /= n;
            for (int a = 0; a < dimension; a++) {
                int at = 2 * (c * dimension + a);
                coefficient[at] = kernelHat[at] * re - kernelHat[at + 1] * im;
                coefficient[at + 1] = kernelHat[at] * im + kernelHat[at + 1] * re;
            }
        }
        pool.forEachChunk(blocks, (worker, from, to) -> {
            for (int b = from; b < to; b++) {
                int first = b * MvSimulator.BLOCK;
                int end = Math.min(n, first + MvSimulator.BLOCK);
                if (dimension == 1) {
                    evaluate1d(first, end, drift, blockPowers[worker]);
                    continue;
                }
                for (int i = first; i < end; i++) {
                    evaluate(i, drift, powers[worker]);
                }
            }
        });
    }

    private void prepareScratch(int n, int blocks, int workers) {
        if (scratchSize != n || powers.length < workers) {
            phase = new double[2 * dimension * n];
            blockSums = new double[2 * count * blocks];
            powers = new double[workers][2 * dimension * (modes + 1) + 2];
            blockPowers = new double[workers][3 * MvSimulator.BLOCK];
            scratchSize = n;
        }
    }

    /** Block b's part of sum_j e^{-2 pi i k.X_j}, and the phases e^{2 pi i X_a} of its particles. */
    private void sumBlock(double[] positions, int b, int end, double[] power) {
        int sums = 2 * b * count;
        Arrays.fill(blockSums, sums, sums + 2 * count, 0.0);
        for (int j = b * MvSimulator.BLOCK; j < end; j++) {
            for (int a = 0; a < dimension; a++) {
                double x = positions[j * dimension + a];
                // The phase of X mod 1, so that a far lift loses no digits.
                UnitPhase.write(x - Math.floor(x), phase, 2 * (j * dimension + a));
            }
            fillPowers(j, power);
            for (int c = 0; c < count; c++) {
                // e^{2 pi i k.X_j}, whose conjugate is summed.
                int at = wave(c, power);
                blockSums[sums + 2 * c] += power[at];
                blockSums[sums + 2 * c + 1] -= power[at + 1];
            }
        }
    }

    /**
     * {@link #sumBlock} in 1D, mode by mode over the block rather than particle by particle over the
     * modes: each mode's sum then runs in a register and the particles' powers advance independently,
     * where the particle order made every particle wait for the previous one's addition to memory.
     * Each mode's sum still adds the particles in index order, with the same products: the result is
     * the same to the last bit.
     */
    private void sumBlock1d(double[] positions, int b, int end, double[] scratch) {
        int first = b * MvSimulator.BLOCK;
        int size = end - first;
        int imaginary = MvSimulator.BLOCK;
        for (int j = first; j < end; j++) {
            double x = positions[j];
            // The phase of X mod 1, so that a far lift loses no digits.
            UnitPhase.write(x - Math.floor(x), phase, 2 * j);
            scratch[j - first] = 1;
            scratch[imaginary + j - first] = 0;
        }
        int sums = 2 * b * count;
        for (int c = 0; c < count; c++) {
            nextPowers(first, size, scratch);
            double re = 0;
            double im = 0;
            for (int q = 0; q < size; q++) {
                re += scratch[q];
                im -= scratch[imaginary + q];
            }
            blockSums[sums + 2 * c] = re;
            blockSums[sums + 2 * c + 1] = im;
        }
    }

    /** {@link #evaluate} for the particles first..end-1 in 1D, mode by mode as {@link #sumBlock1d}. */
    private void evaluate1d(int first, int end, double[] drift, double[] scratch) {
        int size = end - first;
        int imaginary = MvSimulator.BLOCK;
        int sum = 2 * MvSimulator.BLOCK;
        for (int q = 0; q < size; q++) {
            scratch[q] = 1;
            scratch[imaginary + q] = 0;
            scratch[sum + q] = 0;
        }
        for (int c = 0; c < count; c++) {
            double ar = coefficient[2 * c];
            double ai = coefficient[2 * c + 1];
            nextPowers(first, size, scratch);
            for (int q = 0; q < size; q++) {
                scratch[sum + q] += ar * scratch[q] - ai * scratch[imaginary + q];
            }
        }
        for (int q = 0; q < size; q++) {
            drift[first + q] = kernelMean[0] + 2 * scratch[sum + q];
        }
    }

    /** The powers e^{2 pi i k X_j} in scratch (real parts, then imaginary at BLOCK) times e^{2 pi i X_j}: k to k + 1. */
    private void nextPowers(int first, int size, double[] scratch) {
        int imaginary = MvSimulator.BLOCK;
        for (int q = 0; q < size; q++) {
            double cr = phase[2 * (first + q)];
            double ci = phase[2 * (first + q) + 1];
            double pr = scratch[q];
            double pi = scratch[imaginary + q];
            scratch[q] = pr * cr - pi * ci;
            scratch[imaginary + q] = pr * ci + pi * cr;
        }
    }

    /** The drift of particle i: Kfhat_0 plus twice the real part of the sum over the half set of wave vectors. */
    private void evaluate(int i, double[] drift, double[] power) {
        fillPowers(i, power);
        for (int a = 0; a < dimension; a++) {
            drift[i * dimension + a] = 0;
        }
        for (int c = 0; c < count; c++) {
            int wave = wave(c, power);
            for (int a = 0; a < dimension; a++) {
                int at = 2 * (c * dimension + a);
                drift[i * dimension + a] += coefficient[at] * power[wave] - coefficient[at + 1] * power[wave + 1];
            }
        }
        for (int a = 0; a < dimension; a++) {
            drift[i * dimension + a] = kernelMean[a] + 2 * drift[i * dimension + a];
        }
    }

    /**
     * e^{2 pi i k.X} of wave vector c, the product of the axes' powers, written into the last two
     * entries of the worker's power array; returns where.
     */
    private int wave(int c, double[] power) {
        double re = 1;
        double im = 0;
        for (int a = 0; a < dimension; a++) {
            int at = powerIndex[c * dimension + a];
            double pr = power[at];
            double pi = powerSign[c * dimension + a] * power[at + 1];
            double t = re * pr - im * pi;
            im = re * pi + im * pr;
            re = t;
        }
        int at = power.length - 2;
        power[at] = re;
        power[at + 1] = im;
        return at;
    }

    /**
     * power[2 (a (M + 1) + m)] = e^{2 pi i m X_a}, m = 0..M, from the stored phase by repeated
     * multiplication (round-off grows like m times the unit round-off, harmless for M <= 256).
     */
    private void fillPowers(int j, double[] power) {
        for (int a = 0; a < dimension; a++) {
            double cr = phase[2 * (j * dimension + a)];
            double ci = phase[2 * (j * dimension + a) + 1];
            int base = 2 * a * (modes + 1);
            double re = 1;
            double im = 0;
            for (int m = 0; m <= modes; m++) {
                power[base + 2 * m] = re;
                power[base + 2 * m + 1] = im;
                double t = re * cr - im * ci;
                im = re * ci + im * cr;
                re = t;
            }
        }
    }
}
