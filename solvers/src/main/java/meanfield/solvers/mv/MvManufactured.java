package meanfield.solvers.mv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import meanfield.grids.fourier.FourierMultiplier;
import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.ManufacturedSolution;
import meanfield.solvers.run.SemiDiscretization;

/**
 * A manufactured solution for the MV spectral solver on the model's own interaction Kf and sigma:
 * <pre>
 *   f_e(t, x) = 1 + a(t) (e^{2 C(t, x)} - I),   C = prod_a cos(2 pi (x_a - t/2)),   a(t) = 0.15 cos(2 t),
 * </pre>
 * I the mean of e^{2 C} (the same for all t, C only translating), so f_e is positive with mass 1
 * and, being analytic but not a trigonometric polynomial, has Fourier coefficients that fall like
 * 1/m!: the spatial error of a spectral solver falls fast but visibly over n = 8, 16, 32. The source
 * S = d_t f_e + div(f_e (Kf * f_e)) - sigma Laplace f_e is formed on a grid four times finer (at least
 * 256 points per axis in 1D, 128 in 2D, 64 in 3D) with Kf's coefficients there, where it is exact to
 * round-off, and handed to the solver as its coefficients on the solver's modes.
 */
public final class MvManufactured implements ManufacturedSolution {
    private static final double SHARPNESS = 2.0;
    private static final double AMPLITUDE = 0.15;
    private static final double FREQUENCY = 2.0;
    private static final double SPEED = 0.5;

    private final int dimension;
    private final double sigma;
    private final PeriodicGrid fine;
    private final FourierTransform transform;
    private final List<FourierMultiplier> interaction = new ArrayList<>();
    private final double mean;
    private final MvSpectral discretization;
    /** For each coefficient of the solver's spectrum, the fine coefficient of the same wave vector. */
    private final int[] fineIndex;
    private final double[] values;
    private final double[] rate;
    private final double[] spectrum;
    private final double[] velocity;
    private final double[] flux;
    private final double[] fluxSpectrum;
    private final double[] total;
    /** Tables of the fine grid, made once: node coordinates (d per node) and wave vectors (d per coefficient). */
    private final double[] nodes;
    private final int[] waves;
    private final double[] coordinates;

    private MvManufactured(MvModel model, PeriodicGrid grid, ColumnPool pool) {
        this.dimension = model.dimension();
        this.sigma = model.sigma();
        int n = grid.n();
        this.fine = new PeriodicGrid(dimension, Math.max(4 * n, dimension == 1 ? 256 : dimension == 2 ? 128 : 64));
        this.transform = new FourierTransform(fine);
        for (TorusFunction component : model.interaction()) {
            interaction.add(FourierMultiplier.convolution(transform, fine.sample(component::value)));
        }
        double sum = 0;
        double[] x = new double[dimension];
        for (int j = 0; j < fine.size(); j++) {
            fine.point(j, x);
            sum += Math.exp(SHARPNESS * wave(0, x));
        }
        this.mean = sum / fine.size();
        MvModel forced = new MvModel(dimension, sigma, model.interaction(), p -> density(0, p));
        this.discretization = new MvSpectral(forced, grid, pool);
        FourierTransform coarse = new FourierTransform(grid);
        this.fineIndex = new int[coarse.coefficients()];
        int[] k = new int[dimension];
        int half = fine.n() / 2 + 1;
        for (int c = 0; c < fineIndex.length; c++) {
            coarse.wavevector(c, k);
            int index = 0;
            for (int a = 0; a < dimension - 1; a++) {
                index = index * fine.n() + Math.floorMod(k[a], fine.n());
            }
            fineIndex[c] = index * half + k[dimension - 1];
        }
        this.values = new double[fine.size()];
        this.rate = new double[fine.size()];
        this.spectrum = new double[transform.spectrumLength()];
        this.velocity = new double[fine.size()];
        this.flux = new double[fine.size()];
        this.fluxSpectrum = new double[transform.spectrumLength()];
        this.total = new double[transform.spectrumLength()];
        this.nodes = new double[fine.size() * dimension];
        double[] point = new double[dimension];
        for (int j = 0; j < fine.size(); j++) {
            fine.point(j, point);
            System.arraycopy(point, 0, nodes, j * dimension, dimension);
        }
        this.coordinates = new double[dimension];
        this.waves = new int[transform.coefficients() * dimension];
        int[] wave = new int[dimension];
        for (int c = 0; c < transform.coefficients(); c++) {
            transform.wavevector(c, wave);
            System.arraycopy(wave, 0, waves, c * dimension, dimension);
        }
        discretization.force(this::source);
    }

    /** The manufactured solution on the model's Kf and sigma, for its spectral solver on this grid. */
    public static MvManufactured of(MvModel model, PeriodicGrid grid, ColumnPool pool) {
        return new MvManufactured(model, grid, pool);
    }

    private static double amplitude(double t) {
        return AMPLITUDE * Math.cos(FREQUENCY * t);
    }

    private static double amplitudeRate(double t) {
        return -AMPLITUDE * FREQUENCY * Math.sin(FREQUENCY * t);
    }

    /** C(t, x) = prod_a cos(2 pi (x_a - t/2)). */
    private static double wave(double t, double[] x) {
        double product = 1;
        for (double c : x) {
            product *= Math.cos(2 * Math.PI * (c - SPEED * t));
        }
        return product;
    }

    /** d_t C = (1/2) sum_a 2 pi sin(2 pi (x_a - t/2)) prod_{b != a} cos(2 pi (x_b - t/2)). */
    private static double waveRate(double t, double[] x) {
        double sum = 0;
        for (int a = 0; a < x.length; a++) {
            double term = SPEED * 2 * Math.PI * Math.sin(2 * Math.PI * (x[a] - SPEED * t));
            for (int b = 0; b < x.length; b++) {
                if (b != a) {
                    term *= Math.cos(2 * Math.PI * (x[b] - SPEED * t));
                }
            }
            sum += term;
        }
        return sum;
    }

    /** f_e(t, x). */
    public double density(double t, double[] x) {
        return 1 + amplitude(t) * (Math.exp(SHARPNESS * wave(t, x)) - mean);
    }

    /**
     * The coefficients of S on the solver's modes: d_t f_e and f_e at the fine nodes, then
     * -sigma Laplace and div(f_e u_a), u_a = Kf_a * f_e, in Fourier space there.
     */
    private void source(double t, double[] out) {
        double a = amplitude(t);
        double da = amplitudeRate(t);
        double[] x = coordinates;
        for (int j = 0; j < fine.size(); j++) {
            System.arraycopy(nodes, j * dimension, x, 0, dimension);
            double e = Math.exp(SHARPNESS * wave(t, x));
            values[j] = 1 + a * (e - mean);
            rate[j] = da * (e - mean) + a * e * SHARPNESS * waveRate(t, x);
        }
        transform.forward(rate, total);
        transform.forward(values, spectrum);
        for (int c = 0; c < transform.coefficients(); c++) {
            double k2 = 0;
            for (int axis = 0; axis < dimension; axis++) {
                double m = waves[c * dimension + axis];
                k2 += m * m;
            }
            double laplace = -4 * Math.PI * Math.PI * k2;
            total[2 * c] -= sigma * laplace * spectrum[2 * c];
            total[2 * c + 1] -= sigma * laplace * spectrum[2 * c + 1];
        }
        for (int axis = 0; axis < dimension; axis++) {
            transform.applyMultiplier(interaction.get(axis), values, velocity);
            for (int j = 0; j < flux.length; j++) {
                flux[j] = values[j] * velocity[j];
            }
            transform.forward(flux, fluxSpectrum);
            for (int c = 0; c < transform.coefficients(); c++) {
                double factor = 2 * Math.PI * waves[c * dimension + axis];
                // div: 2 pi i k_a F_a, i.e. (re, im) += factor (-im, re).
                total[2 * c] -= factor * fluxSpectrum[2 * c + 1];
                total[2 * c + 1] += factor * fluxSpectrum[2 * c];
            }
        }
        for (int c = 0; c < fineIndex.length; c++) {
            out[2 * c] = total[2 * fineIndex[c]];
            out[2 * c + 1] = total[2 * fineIndex[c] + 1];
        }
    }

    @Override
    public SemiDiscretization discretization() {
        return discretization;
    }

    /** rho and density: f_e at the solver's nodes. */
    @Override
    public void exactFields(double t, double[][] out) {
        PeriodicGrid grid = discretization.grid();
        double[] x = new double[dimension];
        for (int j = 0; j < grid.size(); j++) {
            grid.point(j, x);
            out[0][j] = density(t, x);
        }
        System.arraycopy(out[0], 0, out[1], 0, out[0].length);
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "f_e(t, x) = 1 + 0.15 cos(2 t) (exp(2 C) - %.12g), C = prod_a cos(2 pi (x_a - t/2))",
                mean);
    }
}
