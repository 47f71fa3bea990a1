package meanfield.solvers.topo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;

/**
 * K = 1 (MODEL.md 2.3): h(v) is constant and Fourier mode 1 obeys the linear system
 * d_t F_j = -(1 + 2 pi i v_j) F_j + (sum_l F_l) h_j, integrated here by DormandPrince853 to 1e-13.
 */
class UniformRankWeightExactTest {
    private static final int VELOCITIES = 6;
    static final double END = 0.5;

    private static double g(double v) {
        return Math.exp(-(v - 0.2) * (v - 0.2) / 0.3);
    }

    static TopoModel model() {
        return new TopoModel(1, RankWeight.uniform(), TopoTestProblems.velocityGrid(VELOCITIES),
                (x, v) -> g(v[0]) * (1 + 0.3 * Math.cos(2 * Math.PI * x[0]) + 0.2 * v[0] * Math.sin(2 * Math.PI * x[0])));
    }

    /** {h_j, Re F_j(END), Im F_j(END)}: f(END, x, v_j) = h_j + 2 Re(F_j e^{2 pi i x}). */
    static double[][] exactModes() {
        double[][] v = TopoTestProblems.velocityGrid(VELOCITIES);
        double mass = 0;
        for (double[] vj : v) {
            mass += g(vj[0]);
        }
        double[] h = new double[VELOCITIES];
        double[] start = new double[2 * VELOCITIES];
        for (int j = 0; j < VELOCITIES; j++) {
            h[j] = g(v[j][0]) / mass;
            start[2 * j] = 0.3 * h[j] / 2;
            start[2 * j + 1] = -0.2 * v[j][0] * h[j] / 2;
        }
        OrdinaryDifferentialEquation mode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2 * VELOCITIES;
            }

            @Override
            public double[] computeDerivatives(double t, double[] f) {
                double re = 0;
                double im = 0;
                for (int l = 0; l < VELOCITIES; l++) {
                    re += f[2 * l];
                    im += f[2 * l + 1];
                }
                double[] d = new double[f.length];
                for (int j = 0; j < VELOCITIES; j++) {
                    double omega = 2 * Math.PI * v[j][0];
                    d[2 * j] = -f[2 * j] + omega * f[2 * j + 1] + re * h[j];
                    d[2 * j + 1] = -f[2 * j + 1] - omega * f[2 * j] + im * h[j];
                }
                return d;
            }
        };
        double[] end = new DormandPrince853Integrator(1e-8, 0.05, 1e-14, 1e-14)
                .integrate(mode, new ODEState(0, start), END).getPrimaryState();
        double[][] out = new double[3][VELOCITIES];
        for (int j = 0; j < VELOCITIES; j++) {
            out[0][j] = h[j];
            out[1][j] = end[2 * j];
            out[2][j] = end[2 * j + 1];
        }
        return out;
    }

    /** L1 distance of FV cell averages at END from the exact cell averages. */
    private static double finiteVolumeError(int cells, double[][] exact) {
        double[] f = TopoTestProblems.last(TopoTestProblems.solve(model(), cells, END, Double.NaN));
        double h = 1.0 / cells;
        double sinc = Math.sin(Math.PI * h) / (Math.PI * h);
        double error = 0;
        for (int c = 0; c < cells; c++) {
            double x = (c + 0.5) * h;
            for (int j = 0; j < VELOCITIES; j++) {
                double average = exact[0][j] + 2 * sinc * (exact[1][j] * Math.cos(2 * Math.PI * x)
                        - exact[2][j] * Math.sin(2 * Math.PI * x));
                error += Math.abs(f[c * VELOCITIES + j] - average) * h;
            }
        }
        return error;
    }

    @Test
    void finiteVolumesConvergeToTheExactModeSolutionAtSecondOrder() {
        double[][] exact = exactModes();
        double coarse = finiteVolumeError(64, exact);
        double fine = finiteVolumeError(128, exact);
        double order = Math.log(coarse / fine) / Math.log(2);
        assertTrue(order >= 1.8, "observed order " + order + " from L1 errors " + coarse + ", " + fine);
        assertTrue(fine < 1e-3, "L1 error " + fine);
    }
}
