package meanfield.solvers.topo;

import meanfield.grids.GaussLegendre;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.parallel.ColumnPool;

/**
 * The 1D spectral gain for a rank weight K with jumps (or kinks) at masses b_1 < ... < b_m:
 * at each node x_j the radial integral over [0, 1/2] is split at the radii R_i(x_j) where
 * M(x_j, R) crosses b_i (found by safeguarded Newton, dM/dR being the ring sum of rho), and each
 * piece gets its own Gauss–Legendre nodes, so that the integrand is smooth on every piece.
 * With radii that depend on x, ring sums and masses are no longer Fourier multipliers: they are
 * evaluated from the spectra at each node directly, O(n) per value, O(n^2 x nodes x nvel) in all.
 */
final class SplitRadialGain {
    private static final int NEWTON_ITERATIONS = 60;

    private final RankWeight weight;
    private final double[] breaks;
    private final int n;
    private final int half;
    private final int nvel;
    private final int spectrum;
    private final ColumnPool pool;
    private final GaussLegendre unit;
    /** cos and sin of 2 pi c x_j, [j * half + c]. */
    private final double[] cosine;
    private final double[] sine;
    /** Per worker: the projected coefficients w_c (Re f_c cos - Im f_c sin) of every velocity, then of rho. */
    private final double[][] projected;
    private final double[][] waves;

    SplitRadialGain(RankWeight weight, int n, int nvel, int nodesPerPiece, ColumnPool pool) {
        this.weight = weight;
        this.breaks = weight.breaks();
        this.n = n;
        this.half = n / 2 + 1;
        this.nvel = nvel;
        this.spectrum = 2 * half;
        this.pool = pool;
        this.unit = GaussLegendre.on(nodesPerPiece, 0.0, 1.0);
        this.cosine = new double[n * half];
        this.sine = new double[n * half];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < half; c++) {
                cosine[j * half + c] = Math.cos(2 * Math.PI * c * j / n);
                sine[j * half + c] = Math.sin(2 * Math.PI * c * j / n);
            }
        }
        this.projected = new double[pool.workers()][(nvel + 1) * half];
        this.waves = new double[pool.workers()][half];
    }

    /**
     * gain[k * n + j] = rho_j int K(M) (ring f_k) dR / B_j and balance[j] = B_j, from the spectra
     * y (velocity k at k * spectrum) and rhoHat.
     */
    void gain(double[] y, double[] rhoHat, double[] rho, double[] gain, double[] balance) {
        pool.forEachChunk(n, (worker, from, to) -> {
            double[] p = projected[worker];
            double[] wave = waves[worker];
            double[] acc = new double[nvel];
            for (int j = from; j < to; j++) {
                for (int k = 0; k <= nvel; k++) {
                    double[] source = k < nvel ? y : rhoHat;
                    int offset = k < nvel ? k * spectrum : 0;
                    for (int c = 0; c < half; c++) {
                        double w = c == 0 || 2 * c == n ? 1.0 : 2.0;
                        p[k * half + c] = w * (source[offset + 2 * c] * cosine[j * half + c]
                                - source[offset + 2 * c + 1] * sine[j * half + c]);
                    }
                }
                java.util.Arrays.fill(acc, 0.0);
                double sum = 0;
                double low = 0;
                for (int piece = 0; piece <= breaks.length; piece++) {
                    double high = piece < breaks.length ? radiusAtMass(p, breaks[piece], low) : 0.5;
                    double length = high - low;
                    for (int q = 0; q < unit.size() && length > 0; q++) {
                        double r = low + length * unit.node(q);
                        double m = Math.min(1.0, Math.max(0.0, mass(p, r)));
                        double w = unit.weight(q) * length * weight.value(m);
                        ringWave(r, wave);
                        sum += w * dot(p, nvel * half, wave);
                        for (int k = 0; k < nvel; k++) {
                            acc[k] += w * dot(p, k * half, wave);
                        }
                    }
                    low = high;
                }
                balance[j] = sum;
                for (int k = 0; k < nvel; k++) {
                    gain[k * n + j] = rho[j] * acc[k] / sum;
                }
            }
        });
    }

    /** wave_c = 2 cos(2 pi c R), by the Chebyshev recurrence. */
    private void ringWave(double r, double[] wave) {
        double c1 = Math.cos(2 * Math.PI * r);
        wave[0] = 2;
        if (half > 1) {
            wave[1] = 2 * c1;
        }
        for (int c = 2; c < half; c++) {
            wave[c] = 2 * c1 * wave[c - 1] - wave[c - 2];
        }
    }

    private double dot(double[] p, int offset, double[] wave) {
        double s = 0;
        for (int c = 0; c < half; c++) {
            s += p[offset + c] * wave[c];
        }
        return s;
    }

    /** M(x_j, R) = sum_c p_rho(c) b_c(R), b_0 = 2R, b_c = sin(2 pi c R)/(pi c). */
    private double mass(double[] p, double r) {
        int offset = nvel * half;
        double s = p[offset] * 2 * r;
        for (int c = 1; c < half; c++) {
            s += p[offset + c] * Math.sin(2 * Math.PI * c * r) / (Math.PI * c);
        }
        return s;
    }

    /** The radius in [from, 1/2] where M(x_j, R) = target: Newton on dM/dR = ring sum of rho, kept in a bracket. */
    private double radiusAtMass(double[] p, double target, double from) {
        double low = from;
        double high = 0.5;
        double r = 0.5 * (low + high);
        double[] wave = new double[half];
        for (int i = 0; i < NEWTON_ITERATIONS; i++) {
            double value = mass(p, r) - target;
            if (Math.abs(value) <= 1e-15) {
                return r;
            }
            if (value > 0) {
                high = r;
            } else {
                low = r;
            }
            ringWave(r, wave);
            double slope = dot(p, nvel * half, wave);
            double next = slope > 0 ? r - value / slope : Double.NaN;
            r = next > low && next < high ? next : 0.5 * (low + high);
            if (high - low < 1e-15) {
                return r;
            }
        }
        return r;
    }
}
