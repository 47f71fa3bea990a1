package meanfield.solvers.nif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;

/**
 * The leading eigenvalues of the NIF limit linearized at a stationary state, on the spectral
 * discretization: d/dt df_l = W^{-1} [K_l df_l + (B_l f_l) dJ_l], dJ = C dr, dr_l = g_l . df_l
 * + Q_l dJ_l. Each label conserves its mass, so the perturbations of zero mass per label are an
 * invariant subspace that holds every eigenvalue but the nl trivial zeros; Arnoldi runs in it, on
 * the shift-invert operator (Jac - s)^{-1}, whose Krylov space is also the Cayley transform's: an
 * eigenvalue in the right half-plane maps outside the disk that holds the stable ones, so the
 * unstable eigenvalues are exterior and found first. Each solve with Jac - s is a dense LU per
 * label plus an nl x nl system for the coupling (Woodbury).
 */
public final class NifStability {
    /** Eigenvalues and the verdict; {@code re}, {@code im} sorted by decreasing real part. */
    public record Spectrum(double[] re, double[] im, boolean stable) {
        public double leadingReal() {
            return re.length == 0 ? Double.NaN : re[0];
        }
    }

    private static final int KRYLOV = 60;
    private static final int REPORTED = 8;
    private static final double SHIFT = 1.0;

    private NifStability() {
    }

    /** The leading eigenvalues at a converged stationary state of the given discretization. */
    public static Spectrum of(NifStationary stationary, NifStationary.State state) {
        NifSpectral system = stationary.system();
        int nl = system.labelGrid().cells();
        int m = system.columnSize();
        int size = nl * m;
        int n = system.vGrid().size();
        double[] w = system.weights();
        double[] c = system.coupling();

        // Per label: D_l = K_l - s W (factored), y_l = D_l^{-1} (B_l f_l), g_l, and g_l . y_l.
        double[] lu = new double[nl * m * m];
        int[] piv = new int[nl * m];
        double[] y = new double[size];
        double[] g = new double[size];
        double[] gy = new double[nl];
        double[] b = new double[m * m];
        for (int l = 0; l < nl; l++) {
            int block = l * m * m;
            double[] k = new double[m * m];
            system.assemble(l, 0.0, state.input()[l], k);
            for (int i = 0; i < m; i++) {
                k[i * m + i] -= SHIFT * w[i];
            }
            System.arraycopy(k, 0, lu, block, m * m);
            if (!DenseLu.factor(lu, block, m, piv, l * m)) {
                throw new IllegalStateException("Jac - " + SHIFT + " is singular at label " + l);
            }
            system.assembleInputDerivative(l, b);
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += b[i * m + j] * state.density()[l * n + j];
                }
                y[l * m + i] = sum;
            }
            DenseLu.solve(lu, block, m, piv, l * m, y, l * m);
            double[] gl = new double[m];
            system.rateFunctional(l, 0.0, state.input()[l], gl);
            System.arraycopy(gl, 0, g, l * m, m);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += gl[i] * y[l * m + i];
            }
            gy[l] = sum;
        }
        // A = (I - C diag Q)^{-1} C, then the coupling system I + A diag(g.y), factored.
        double[] a = new double[nl * nl];
        double[] system1 = new double[nl * nl];
        for (int i = 0; i < nl; i++) {
            for (int j = 0; j < nl; j++) {
                system1[i * nl + j] = (i == j ? 1 : 0) - c[i * nl + j] * state.inputSlopes()[j];
            }
        }
        int[] p1 = new int[nl];
        if (!DenseLu.factor(system1, nl, p1)) {
            throw new IllegalStateException("I - C diag(Q) is singular");
        }
        double[] column = new double[nl];
        for (int j = 0; j < nl; j++) {
            for (int i = 0; i < nl; i++) {
                column[i] = c[i * nl + j];
            }
            DenseLu.solve(system1, nl, p1, column, 0);
            for (int i = 0; i < nl; i++) {
                a[i * nl + j] = column[i];
            }
        }
        double[] coupled = new double[nl * nl];
        for (int i = 0; i < nl; i++) {
            for (int j = 0; j < nl; j++) {
                coupled[i * nl + j] = (i == j ? 1 : 0) + a[i * nl + j] * gy[j];
            }
        }
        int[] p2 = new int[nl];
        if (!DenseLu.factor(coupled, nl, p2)) {
            throw new IllegalStateException("the coupled shift-invert system is singular");
        }

        int krylov = Math.min(KRYLOV, size - nl);
        double[][] basis = new double[krylov + 1][];
        double[][] h = new double[krylov + 1][krylov];
        double[] start = new double[size];
        SplittableRandom random = new SplittableRandom(20261201L);
        for (int i = 0; i < size; i++) {
            start[i] = random.nextDouble() - 0.5;
        }
        project(start, state.density(), w, nl, m, n);
        scale(start, 1 / norm(start));
        basis[0] = start;
        double[] gz = new double[nl];
        double[] dj = new double[nl];
        int built = krylov;
        for (int k = 0; k < krylov; k++) {
            // x = (Jac - s)^{-1} v: z_l = D_l^{-1} W v_l; dJ solves (I + A diag gy) dJ = A (g . z); x_l = z_l - y_l dJ_l.
            double[] x = new double[size];
            double[] v = basis[k];
            for (int l = 0; l < nl; l++) {
                for (int i = 0; i < m; i++) {
                    x[l * m + i] = w[i] * v[l * m + i];
                }
                DenseLu.solve(lu, l * m * m, m, piv, l * m, x, l * m);
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += g[l * m + i] * x[l * m + i];
                }
                gz[l] = sum;
            }
            for (int i = 0; i < nl; i++) {
                double sum = 0;
                for (int j = 0; j < nl; j++) {
                    sum += a[i * nl + j] * gz[j];
                }
                dj[i] = sum;
            }
            DenseLu.solve(coupled, nl, p2, dj, 0);
            for (int l = 0; l < nl; l++) {
                for (int i = 0; i < m; i++) {
                    x[l * m + i] -= y[l * m + i] * dj[l];
                }
            }
            project(x, state.density(), w, nl, m, n);
            // Modified Gram-Schmidt, twice: the basis must stay orthogonal to working precision.
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    double dot = dot(basis[j], x);
                    h[j][k] += dot;
                    axpy(-dot, basis[j], x);
                }
            }
            double beta = norm(x);
            h[k + 1][k] = beta;
            if (beta < 1e-14) {
                built = k + 1;
                break;
            }
            scale(x, 1 / beta);
            basis[k + 1] = x;
        }
        // Hipparchus' QR iteration may fail on a Hessenberg whose eigenvalues cluster at 0 (the stiff modes); a
        // leading block is a Krylov projection too, so a smaller one is tried then.
        EigenDecompositionNonSymmetric eigen = null;
        for (int k = built; eigen == null; k--) {
            Array2DRowRealMatrix hessenberg = new Array2DRowRealMatrix(k, k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    hessenberg.setEntry(i, j, h[i][j]);
                }
            }
            try {
                eigen = new EigenDecompositionNonSymmetric(hessenberg);
                built = k;
            } catch (org.hipparchus.exception.MathIllegalStateException e) {
                if (k <= Math.max(2, built / 2)) {
                    throw e;
                }
            }
        }
        Complex[] theta = eigen.getEigenvalues();
        double tail = h[built][built - 1];
        List<Complex> lambdas = new ArrayList<>();
        for (int i = 0; i < theta.length; i++) {
            if (theta[i].norm() == 0) {
                continue;
            }
            // Ritz residual |h_{k+1,k} e_k^T u|: keep the converged pairs only.
            Complex last = eigen.getEigenvector(i).getEntry(built - 1);
            double vnorm = 0;
            for (int j = 0; j < built; j++) {
                vnorm += eigen.getEigenvector(i).getEntry(j).norm() * eigen.getEigenvector(i).getEntry(j).norm();
            }
            double residual = tail * last.norm() / Math.sqrt(vnorm);
            if (residual <= 1e-8 * theta[i].norm()) {
                lambdas.add(theta[i].reciprocal().add(SHIFT));
            }
        }
        lambdas.sort(Comparator.comparingDouble(Complex::getReal).reversed());
        int count = Math.min(REPORTED, lambdas.size());
        double[] re = new double[count];
        double[] im = new double[count];
        for (int i = 0; i < count; i++) {
            re[i] = lambdas.get(i).getReal();
            im[i] = lambdas.get(i).getImaginary();
        }
        boolean stable = count > 0 && re[0] < 0;
        return new Spectrum(re, im, stable);
    }

    /** Removes from each label's part its mass, along the stationary density (of unit mass). */
    private static void project(double[] x, double[] density, double[] w, int nl, int m, int n) {
        for (int l = 0; l < nl; l++) {
            double mass = 0;
            for (int i = 0; i < m; i++) {
                mass += w[i] * x[l * m + i];
            }
            for (int i = 0; i < m; i++) {
                x[l * m + i] -= mass * density[l * n + i];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double factor, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += factor * x[i];
        }
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static void scale(double[] x, double factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
    }
}
