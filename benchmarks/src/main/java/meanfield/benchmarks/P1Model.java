package meanfield.benchmarks;

import meanfield.grids.UniformGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.NifModel;

/** Problem P1 (nif-ring) of MODEL.md section 4 from the catalogue, with the grid sizes benchmarks vary. */
public final class P1Model {
    /** The problem's horizon T. */
    public static final double END = PublicProblems.nifRing().time().end();
    /** The problem's output interval (PROBLEMS.md time.output_every). */
    public static final double OUTPUT_EVERY = PublicProblems.nifRing().time().outputEvery();
    /** The problem's default grid: 400 v cells by 64 label cells. */
    public static final int DEFAULT_V_CELLS = PublicProblems.nifRing().v().cells();
    public static final int DEFAULT_LABEL_CELLS = PublicProblems.nifRing().labels().cells();

    private P1Model() {
    }

    public static NifModel model() {
        return PublicProblems.nifRing().model();
    }

    /** The computational v domain of P1 in the given number of cells. */
    public static UniformGrid vGrid(int cells) {
        UniformGrid v = PublicProblems.nifRing().v();
        return new UniformGrid(v.min(), v.max(), cells);
    }

    /** Labels xi in [0, 1] in the given number of cells. */
    public static UniformGrid labelGrid(int cells) {
        return UniformGrid.unitInterval(cells);
    }
}
