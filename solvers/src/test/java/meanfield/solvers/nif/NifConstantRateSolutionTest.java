package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.grids.UniformGrid;
import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.time.TimeControl;

/** The exact constant-rate solution of MODEL.md 1.3 against the finite volumes, and what it refuses. */
class NifConstantRateSolutionTest {
    private static final NifModel MODEL = PublicProblems.constantRate(2.0, 1.5, (v, xi) -> 0.6 + 0.3 * Math.sin(2 * Math.PI * xi),
            0.05, new SynapticKernel.Function((xi, zeta) -> 0.2 + 0.3 * Math.cos(2 * Math.PI * (xi - zeta))));
    private static final int LABELS = 4;

    private static double error(int cells) {
        UniformGrid v = new UniformGrid(-1.0, 3.0, cells);
        UniformGrid labels = UniformGrid.unitInterval(LABELS);
        NifConstantRateSolution exact = NifConstantRateSolution.of(MODEL, v, labels).solution().orElseThrow();
        try (ColumnPool pool = new ColumnPool(1)) {
            RecordedRun run = RecordedRun.of(new NifFiniteVolume(MODEL, v, labels, pool), "mprk22",
                    new TimeControl(1.0, 0.5, Double.NaN, 1e-7), x -> { });
            int last = run.result().outputCount() - 1;
            double[] density = run.result().get("density", last);
            double[][] expected = {new double[LABELS], new double[density.length]};
            exact.exactFields(run.result().time(last), expected);
            double worst = 0;
            for (int l = 0; l < LABELS; l++) {
                double sum = 0;
                for (int k = 0; k < cells; k++) {
                    sum += Math.abs(density[l * cells + k] - expected[1][l * cells + k]);
                }
                worst = Math.max(worst, v.h() * sum);
            }
            return worst;
        }
    }

    @Test
    void theFiniteVolumesConvergeToItAtSecondOrderInV() {
        double previous = Double.NaN;
        // v_R = 0 on a face at every level (the domain's length is 4).
        for (int cells = 64; cells <= 512; cells *= 2) {
            double e = error(cells);
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / e) / Math.log(2);
                assertTrue(order > 1.9, "order " + order + " from " + previous + " to " + e + " at " + cells + " cells");
            }
            previous = e;
        }
        assertTrue(previous < 5e-4, "error at 512 cells " + previous);
    }

    @Test
    void atTimeZeroItIsTheInitialGaussiansCellAverages() {
        UniformGrid v = new UniformGrid(-1.0, 3.0, 80);
        NifConstantRateSolution exact = NifConstantRateSolution.of(MODEL, v, UniformGrid.unitInterval(2)).solution()
                .orElseThrow();
        double[][] out = {new double[2], new double[160]};
        exact.exactFields(0, out);
        try (ColumnPool pool = new ColumnPool(1)) {
            double[] start = new NifFiniteVolume(MODEL, v, UniformGrid.unitInterval(2), pool).initialState();
            for (int i = 0; i < start.length; i++) {
                assertEquals(start[i], out[1][i], 1e-6);
            }
        }
        assertEquals(2.0, out[0][1]);
    }

    @Test
    void aModelWithoutAnExactSolutionIsNamedWithTheReason() {
        NifConstantRateSolution.Result ring = NifConstantRateSolution.of(PublicProblems.nifRing().model(),
                new UniformGrid(-1.5, 3.5, 50), UniformGrid.unitInterval(2));
        assertTrue(ring.solution().isEmpty());
        assertTrue(ring.missing().contains("not constant"), ring.missing());
    }
}
