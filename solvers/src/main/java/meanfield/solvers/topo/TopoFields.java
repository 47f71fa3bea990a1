package meanfield.solvers.topo;

import java.util.ArrayList;
import java.util.List;

import meanfield.solvers.diagnostics.MassError;
import meanfield.solvers.diagnostics.Minimum;
import meanfield.solvers.result.Axis;
import meanfield.solvers.result.ResultLayout;
import meanfield.solvers.result.Variable;
import meanfield.solvers.run.RunObserver;

/**
 * What both TOPO discretizations expose, from node values f_k(x_j) (point-major, j * nvel + k):
 * rho, the node masses and the velocity marginal h_k = int f_k dx, over the axes x (y, z) where the
 * values are given, and their diagnostics (total mass, minimum).
 */
final class TopoFields {
    private static final String[] SPACE = {"x", "y", "z"};

    private final ResultLayout layout;
    private final int nvel;
    private final int points;
    private final double pointVolume;

    /** @param axis where values are given along each axis: cell centres or collocation nodes */
    TopoFields(int dimension, double[] axis, double[][] velocities) {
        this.nvel = velocities.length;
        this.points = (int) Math.round(Math.pow(axis.length, dimension));
        this.pointVolume = 1.0 / points;
        List<Axis> axes = new ArrayList<>();
        axes.add(Axis.time());
        String[] space = new String[dimension];
        for (int a = 0; a < dimension; a++) {
            space[a] = SPACE[a];
            axes.add(new Axis(SPACE[a], "1", "position " + SPACE[a] + " on the unit torus", axis.clone()));
        }
        axes.add(Axis.index("velocity", "velocity node index", nvel));
        axes.add(Axis.index("component", "velocity component index", dimension));
        double[] v = new double[nvel * dimension];
        for (int k = 0; k < nvel; k++) {
            System.arraycopy(velocities[k], 0, v, k * dimension, dimension);
        }
        String[] withVelocity = java.util.Arrays.copyOf(space, dimension + 1);
        withVelocity[dimension] = "velocity";
        this.layout = new ResultLayout(axes, List.of(
                Variable.constant("v", "1", "velocity nodes", v, "velocity", "component"),
                Variable.perOutput("rho", "1", "spatial density rho(t, x)", space),
                Variable.perOutput("density", "1", "node mass densities f_k(t, x)", withVelocity),
                Variable.perOutput("velocity_marginal", "1", "velocity marginal h_k(t)", "velocity")));
    }

    ResultLayout layout() {
        return layout;
    }

    /** Fills rho (slot 0) and the marginal (slot 2) from the node values already in slot 1. */
    void complete(double[][] out) {
        double[] rho = out[0];
        double[] f = out[1];
        double[] marginal = out[2];
        java.util.Arrays.fill(marginal, 0.0);
        for (int c = 0; c < points; c++) {
            double sum = 0;
            for (int k = 0; k < nvel; k++) {
                double value = f[c * nvel + k];
                marginal[k] += value * pointVolume;
                sum += value;
            }
            rho[c] = sum;
        }
    }

    List<RunObserver> diagnostics() {
        return List.of(new MassError(layout, "density", 1, pointVolume), new Minimum(layout, "density"));
    }
}
