package meanfield.solvers.nif;

import meanfield.grids.UniformGrid;
import meanfield.solvers.RunRecord;
import meanfield.solvers.run.RecordedRun;

/**
 * What a NIF run produced, in memory: f and r(t, xi) at the output times reached, and the
 * run's diagnostics. A run stopped by a numerical failure keeps everything up to it.
 */
public final class NifSolution extends RunRecord {
    private final UniformGrid v;
    private final UniformGrid labels;

    public NifSolution(UniformGrid v, UniformGrid labels, RecordedRun run) {
        super(run);
        this.v = v;
        this.labels = labels;
    }

    public UniformGrid vGrid() {
        return v;
    }

    public UniformGrid labelGrid() {
        return labels;
    }

    /** Where the density is given in v: the cell centres of the finite volumes, or the spectral nodes. */
    public double[] vPoints() {
        return result().layout().axis("v").values();
    }

    /** r(t_output, xi_l) for every label. */
    public double[] rate(int output) {
        return result().get("rate", output);
    }

    /** f(t_output) as cell averages, label-major: [label * nv + k]. */
    public double[] density(int output) {
        return result().get("density", output);
    }

    /** max over steps and labels of the mass in the outermost cells: a truncation diagnostic. */
    public double boundaryMassMax() {
        return summaryValue("boundary_mass_max");
    }
}
