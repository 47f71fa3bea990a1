package meanfield.validation.tree;

import java.util.function.DoubleUnaryOperator;

import meanfield.grids.UniformGrid;

/**
 * The label profile int phi(v) f(v, xi_l) dv of a NIF finite-volume density: label-major cell
 * averages f[l * nv + k] on a uniform v grid (NifFiniteVolume's layout), integrated by the midpoint
 * rule h sum_k phi(v_k) f_lk with phi at the cell centres, as the solver's own rates are.
 */
public final class LabelProfile {
    private LabelProfile() {
    }

    public static double[] of(double[] density, int labels, UniformGrid v, DoubleUnaryOperator phi) {
        int nv = v.cells();
        if (density.length != labels * nv) {
            throw new IllegalArgumentException("a density on " + labels + " labels and " + nv + " v cells has " + labels * nv
                    + " values, got " + density.length);
        }
        double[] weight = new double[nv];
        for (int k = 0; k < nv; k++) {
            weight[k] = v.h() * phi.applyAsDouble(v.center(k));
        }
        double[] profile = new double[labels];
        for (int l = 0; l < labels; l++) {
            double sum = 0;
            for (int k = 0; k < nv; k++) {
                sum += weight[k] * density[l * nv + k];
            }
            profile[l] = sum;
        }
        return profile;
    }

    /** The profile of each vertex's test function, the root first. */
    public static double[][] of(double[] density, int labels, UniformGrid v, TreeObservable observable) {
        double[][] profiles = new double[observable.vertices()][];
        for (int m = 0; m < profiles.length; m++) {
            profiles[m] = of(density, labels, v, observable.function(m).phi());
        }
        return profiles;
    }
}
