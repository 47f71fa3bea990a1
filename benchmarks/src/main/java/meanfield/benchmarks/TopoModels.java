package meanfield.benchmarks;

import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;

/**
 * Problems P2 (topo-1d) and P3 (topo-2d) of MODEL.md section 4 as plain lambdas, so a benchmark
 * measures the solver and not formula parsing. Both use K(m) = (e^{1-m} - 1)/(e - 2); the solver
 * normalizes f0 to mass 1.
 */
public final class TopoModels {
    /** Horizon of P2. */
    public static final double P2_END = 2.0;
    /** Velocity nodes of P2: evenly spaced on [-1, 1], endpoints included. */
    public static final int P2_VELOCITIES = 32;
    /** Horizon of P3. */
    public static final double P3_END = 1.0;
    /** Velocity nodes of P3: unit vectors at angles 2 pi k / 16. */
    public static final int P3_VELOCITIES = 16;

    private TopoModels() {
    }

    /** f0 proportional to (1 + 0.4 cos(2 pi x)) exp(-(v - 0.5 sin(2 pi x))^2 / (2 * 0.3^2)). */
    public static TopoModel p2() {
        return p2(P2_VELOCITIES);
    }

    /** P2 with another number of velocity nodes, evenly spaced on [-1, 1] (one node: v = 0). */
    public static TopoModel p2(int velocities) {
        double[][] v = new double[velocities][1];
        for (int k = 0; k < velocities; k++) {
            v[k][0] = velocities == 1 ? 0 : -1 + 2.0 * k / (velocities - 1);
        }
        return new TopoModel(1, RankWeight.exponential(), v, (x, u) -> (1 + 0.4 * Math.cos(2 * Math.PI * x[0]))
                * Math.exp(-Math.pow(u[0] - 0.5 * Math.sin(2 * Math.PI * x[0]), 2) / (2 * 0.3 * 0.3)));
    }

    /** f0 proportional to (1 + 0.3 cos(2 pi x) cos(2 pi y)) exp(2 cos(a - 2 pi y)), a the velocity's angle. */
    public static TopoModel p3() {
        double[][] v = new double[P3_VELOCITIES][2];
        for (int k = 0; k < P3_VELOCITIES; k++) {
            double a = 2 * Math.PI * k / P3_VELOCITIES;
            v[k][0] = Math.cos(a);
            v[k][1] = Math.sin(a);
        }
        return new TopoModel(2, RankWeight.exponential(), v, (x, u) -> (1 + 0.3 * Math.cos(2 * Math.PI * x[0])
                * Math.cos(2 * Math.PI * x[1])) * Math.exp(2 * Math.cos(Math.atan2(u[1], u[0]) - 2 * Math.PI * x[1])));
    }
}
