package meanfield.validation.nif;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InitialDensity;
import meanfield.solvers.model.InvalidModelException;
import meanfield.validation.random.SplitMix64;

/**
 * Draws initial potentials from f0(., xi) normalized per label. f0 is tabulated at the
 * midpoints of {@link #CELLS} cells of the potential range, at {@link #LABEL_NODES} labels
 * xi = l / (LABEL_NODES - 1); a potential is drawn exactly from the density that is constant on
 * each cell (inverse CDF: the cell by bisection in the cumulative masses, then the point in it
 * by linear interpolation), at the label node below or above xi with the linear-interpolation
 * weights, i.e. from the mixture that interpolates f0 linearly in xi. Errors: O(h_v^2) from
 * midpoint values, O(h_xi^2) from the mixture (none when f0 does not depend on xi; O(h_xi) in
 * mass near a jump of f0 in xi); no mass outside the range.
 */
final class InitialPotentials {
    static final int CELLS = 4096;
    static final int LABEL_NODES = 257;

    private final UniformGrid cells;
    /** Cumulative masses, label-major: [node * (CELLS + 1) + k] = mass of cells below k, from 0 to 1. */
    private final double[] cumulative = new double[LABEL_NODES * (CELLS + 1)];

    InitialPotentials(InitialDensity f0, UniformGrid range) {
        this.cells = new UniformGrid(range.min(), range.max(), CELLS);
        for (int node = 0; node < LABEL_NODES; node++) {
            double xi = (double) node / (LABEL_NODES - 1);
            int base = node * (CELLS + 1);
            double mass = 0;
            for (int k = 0; k < CELLS; k++) {
                double v = cells.center(k);
                double f = f0.value(v, xi);
                if (!(f >= 0) || Double.isInfinite(f)) {
                    throw new InvalidModelException(InvalidModelException.Part.INITIAL, "f0(v, xi) = " + f
                            + " at v = " + v + ", xi = " + xi + ": an initial density must be finite and >= 0");
                }
                mass += f;
                cumulative[base + k + 1] = mass;
            }
            if (!(mass > 0)) {
                throw new InvalidModelException(InvalidModelException.Part.INITIAL, "f0(., xi) has no mass on ["
                        + range.min() + ", " + range.max() + "] at xi = " + xi);
            }
            for (int k = 1; k < CELLS; k++) {
                cumulative[base + k] /= mass;
            }
            cumulative[base + CELLS] = 1.0;
        }
    }

    /** A potential drawn from f0(., xi), using two uniforms of {@code random}. */
    double sample(double xi, SplitMix64 random) {
        double position = xi * (LABEL_NODES - 1);
        int node = (int) position;
        if (random.nextDouble() < position - node) {
            node++;
        }
        int base = node * (CELLS + 1);
        double u = random.nextDouble();
        // The last cell k with cumulative[k] <= u: u < 1 = cumulative[CELLS], so the cell has mass.
        int low = 0;
        int high = CELLS;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (cumulative[base + mid] <= u) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double below = cumulative[base + low];
        double fraction = (u - below) / (cumulative[base + low + 1] - below);
        return cells.face(low) + fraction * cells.h();
    }
}
