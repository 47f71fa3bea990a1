package meanfield.solvers.topo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.run.ExactSolution;

/**
 * The exact TOPO solution of MODEL.md 2.3 for K = 1: the gain is rho(x) h_k with the velocity
 * marginal h_k constant, so each Fourier mode m obeys the linear system
 * d_t fhat_m,k = -(1 + 2 pi i m.v_k) fhat_m,k + h_k sum_j fhat_m,j, solved by a matrix exponential
 * (Hipparchus, on the real form of the complex nvel x nvel matrix). The initial coefficients are
 * f0's on a fine grid (FFT), normalized to mass 1 as the solvers normalize theirs, and modes below
 * 1e-16 of the largest are dropped; the fields are the Fourier series summed at the solver's nodes
 * or averaged exactly over its cells. Exact to round-off for f0 that is smooth on the torus; for a
 * rough f0 the fine grid's resolution limits it.
 */
public final class TopoUniformWeightSolution implements ExactSolution {
    private static final double DROPPED = 1e-16;

    private final int dimension;
    private final int nvel;
    private final double[][] velocities;
    private final double[] marginal;
    /** Kept modes: wave vectors, their weight in the real sum (1 or 2), initial coefficients (re, im per velocity). */
    private final List<int[]> waves = new ArrayList<>();
    private final List<Double> multiplicity = new ArrayList<>();
    private final List<double[]> initial = new ArrayList<>();
    /** The points where fields are given (point-major, d coordinates each) and whether they are cell centres. */
    private final double[] points;
    private final double cellWidth;

    private TopoUniformWeightSolution(TopoModel model, int n, boolean cellAverages) {
        this.dimension = model.dimension();
        this.nvel = model.velocityCount();
        this.velocities = model.velocities();
        this.cellWidth = cellAverages ? 1.0 / n : 0.0;
        int count = (int) Math.round(Math.pow(n, dimension));
        this.points = new double[count * dimension];
        int[] index = new int[dimension];
        for (int p = 0; p < count; p++) {
            int rest = p;
            for (int a = dimension - 1; a >= 0; a--) {
                index[a] = rest % n;
                rest /= n;
            }
            for (int a = 0; a < dimension; a++) {
                points[p * dimension + a] = (index[a] + (cellAverages ? 0.5 : 0.0)) / n;
            }
        }
        int fine = Math.max(2 * n, dimension == 1 ? 512 : dimension == 2 ? 128 : 64);
        PeriodicGrid grid = new PeriodicGrid(dimension, fine);
        FourierTransform transform = new FourierTransform(grid);
        double[][] spectra = new double[nvel][transform.spectrumLength()];
        for (int k = 0; k < nvel; k++) {
            double[] v = velocities[k];
            transform.forward(grid.sample(x -> model.initial().value(x, v)), spectra[k]);
        }
        double mass = 0;
        for (int k = 0; k < nvel; k++) {
            mass += spectra[k][0];
        }
        double largest = 0;
        for (double[] s : spectra) {
            for (int i = 0; i < s.length; i++) {
                s[i] /= mass;
                largest = Math.max(largest, Math.abs(s[i]));
            }
        }
        this.marginal = new double[nvel];
        for (int k = 0; k < nvel; k++) {
            marginal[k] = spectra[k][0];
        }
        int half = fine / 2;
        for (int c = 0; c < transform.coefficients(); c++) {
            double size = 0;
            for (int k = 0; k < nvel; k++) {
                size = Math.max(size, Math.hypot(spectra[k][2 * c], spectra[k][2 * c + 1]));
            }
            if (size <= DROPPED * largest) {
                continue;
            }
            int[] wave = new int[dimension];
            transform.wavevector(c, wave);
            double[] coefficients = new double[2 * nvel];
            for (int k = 0; k < nvel; k++) {
                coefficients[2 * k] = spectra[k][2 * c];
                coefficients[2 * k + 1] = spectra[k][2 * c + 1];
            }
            int last = wave[dimension - 1];
            waves.add(wave);
            multiplicity.add(last == 0 || last == half ? 1.0 : 2.0);
            initial.add(coefficients);
        }
    }

    /** K = 1 (checked at sample points); empty otherwise. */
    private static boolean uniform(TopoModel model) {
        for (int i = 0; i <= 50; i++) {
            if (Math.abs(model.weight().value(i / 50.0) - 1) > 1e-14) {
                return false;
            }
        }
        return true;
    }

    /** The solution as cell averages of n^d cells (finite volumes), if K = 1. */
    public static Optional<TopoUniformWeightSolution> onCells(TopoModel model, int n) {
        return uniform(model) ? Optional.of(new TopoUniformWeightSolution(model, n, true)) : Optional.empty();
    }

    /** The solution at the n^d collocation nodes j/n (spectral), if K = 1. */
    public static Optional<TopoUniformWeightSolution> atNodes(TopoModel model, int n) {
        return uniform(model) ? Optional.of(new TopoUniformWeightSolution(model, n, false)) : Optional.empty();
    }

    /** e^{t M_m} fhat_m(0) for mode m, M_m = diag(-(1 + 2 pi i m.v_k)) + h 1^T, as (re, im) per velocity. */
    private double[] evolve(int[] wave, double[] start, double t) {
        int size = 2 * nvel;
        RealMatrix generator = MatrixUtils.createRealMatrix(size, size);
        for (int k = 0; k < nvel; k++) {
            double phase = 0;
            for (int a = 0; a < dimension; a++) {
                phase += 2 * Math.PI * wave[a] * velocities[k][a];
            }
            // Real form of A + iB: [[A, -B], [B, A]], real parts in rows 0..nvel-1.
            generator.addToEntry(k, k, -1);
            generator.addToEntry(nvel + k, nvel + k, -1);
            generator.addToEntry(k, nvel + k, phase);
            generator.addToEntry(nvel + k, k, -phase);
            for (int j = 0; j < nvel; j++) {
                generator.addToEntry(k, j, marginal[k]);
                generator.addToEntry(nvel + k, nvel + j, marginal[k]);
            }
        }
        double[] packed = new double[size];
        for (int k = 0; k < nvel; k++) {
            packed[k] = start[2 * k];
            packed[nvel + k] = start[2 * k + 1];
        }
        double[] evolved = MatrixUtils.matrixExponential(generator.scalarMultiply(t)).operate(packed);
        double[] out = new double[size];
        for (int k = 0; k < nvel; k++) {
            out[2 * k] = evolved[k];
            out[2 * k + 1] = evolved[nvel + k];
        }
        return out;
    }

    /** rho, node densities and the marginal (constant) at time t, at the solver's points. */
    @Override
    public void exactFields(double t, double[][] out) {
        int count = points.length / dimension;
        double[] density = out[1];
        java.util.Arrays.fill(density, 0.0);
        for (int w = 0; w < waves.size(); w++) {
            int[] wave = waves.get(w);
            double[] coefficients = t == 0 ? initial.get(w) : evolve(wave, initial.get(w), t);
            double weight = multiplicity.get(w);
            for (int a = 0; a < dimension; a++) {
                // The average of e^{2 pi i m x} over a cell of width h is its centre value times sinc(pi m h).
                double z = Math.PI * wave[a] * cellWidth;
                weight *= z == 0 ? 1.0 : Math.sin(z) / z;
            }
            for (int p = 0; p < count; p++) {
                double phase = 0;
                for (int a = 0; a < dimension; a++) {
                    phase += 2 * Math.PI * wave[a] * points[p * dimension + a];
                }
                double cos = Math.cos(phase);
                double sin = Math.sin(phase);
                for (int k = 0; k < nvel; k++) {
                    density[p * nvel + k] += weight * (coefficients[2 * k] * cos - coefficients[2 * k + 1] * sin);
                }
            }
        }
        for (int p = 0; p < count; p++) {
            double sum = 0;
            for (int k = 0; k < nvel; k++) {
                sum += density[p * nvel + k];
            }
            out[0][p] = sum;
        }
        System.arraycopy(marginal, 0, out[2], 0, nvel);
    }

    @Override
    public String description() {
        return "the exact solution of MODEL.md 2.3 for K = 1 (each Fourier mode of f0 by a matrix exponential; "
                + waves.size() + " modes above 1e-16)";
    }
}
