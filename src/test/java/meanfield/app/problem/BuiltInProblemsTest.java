package meanfield.app.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import meanfield.solvers.catalogue.PublicProblems;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.mv.MvModel;
import meanfield.solvers.time.TimeControl;

/**
 * Each built-in YAML file states the same problem as its catalogue entry: the same functions at
 * many points (initial data up to a constant factor, which normalization removes), the same grids
 * and the same time control.
 */
class BuiltInProblemsTest {
    private static final double[] UNIT = {0.0, 0.13, 0.31, 0.5, 0.77, 0.95};

    private static ModelProblem read(String name) {
        return Problem.read(ProblemSource.load(name)).model();
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)),
                what + ": catalogue " + expected + ", file " + actual);
    }

    /** a / b is the same number at every sample. */
    private static void proportional(double[] a, double[] b, String what) {
        double ratio = a[0] / b[0];
        for (int i = 0; i < a.length; i++) {
            close(a[i], ratio * b[i], what + " at sample " + i);
        }
    }

    private static void sameTime(TimeControl expected, TimeControl actual) {
        assertEquals(expected.end(), actual.end());
        assertEquals(expected.outputEvery(), actual.outputEvery());
        assertEquals(expected.fixedStep(), actual.fixedStep());
        assertEquals(expected.tolerance(), actual.tolerance());
    }

    @Test
    void theBuiltInNamesAreTheCataloguesNames() {
        assertEquals(PublicProblems.NAMES, ProblemSource.BUILT_IN);
    }

    @Test
    void nifRingIsP1() {
        sameNif(PublicProblems.nifRing(), (NifProblem) read("nif-ring"));
    }

    @Test
    void nnlifBistableIsTheCataloguesPopulationAtItsDefaultCoupling() {
        sameNif(PublicProblems.nnlifBistable(1.5), (NifProblem) read("nnlif-bistable"));
    }

    private static void sameNif(PublicProblems.Nif expected, NifProblem actual) {
        NifModel a = expected.model();
        NifModel b = actual.model();
        assertEquals(a.reset(), b.reset());
        assertEquals(a.sigma(), b.sigma());
        assertEquals(a.threshold(), b.threshold());
        double[] initialA = new double[UNIT.length * 7];
        double[] initialB = new double[initialA.length];
        int i = 0;
        double vMin = expected.v().min();
        double step = (expected.v().max() - vMin) / 7;
        for (double xi : UNIT) {
            for (int k = 0; k < 7; k++) {
                double v = vMin + k * step;
                close(a.drift().value(0.4, v, xi), b.drift().value(0.4, v, xi), "drift at v = " + v + ", xi = " + xi);
                close(a.rate().value(v), b.rate().value(v), "rate at v = " + v);
                initialA[i] = a.initial().value(v, xi);
                initialB[i++] = b.initial().value(v, xi);
            }
            for (double zeta : UNIT) {
                close(((SynapticKernel.Function) a.kernel()).w().applyAsDouble(xi, zeta),
                        ((SynapticKernel.Function) b.kernel()).w().applyAsDouble(xi, zeta), "kernel at " + xi + ", " + zeta);
            }
        }
        proportional(initialA, initialB, "f0");
        assertEquals(expected.v().min(), actual.v().min());
        assertEquals(expected.v().max(), actual.v().max());
        assertEquals(expected.v().cells(), actual.v().cells());
        assertEquals(expected.labels().cells(), actual.labels().cells());
        sameTime(expected.time(), actual.time());
    }

    private static void sameTopo(PublicProblems.Topo expected, TopoProblem actual) {
        TopoModel a = expected.model();
        TopoModel b = actual.model();
        assertEquals(a.dimension(), b.dimension());
        for (double m : UNIT) {
            close(a.weight().value(m), b.weight().value(m), "K(" + m + ")");
        }
        assertEquals(a.velocityCount(), b.velocityCount());
        double[] initialA = new double[a.velocityCount() * UNIT.length * UNIT.length];
        double[] initialB = new double[initialA.length];
        int i = 0;
        for (int k = 0; k < a.velocityCount(); k++) {
            for (int c = 0; c < a.dimension(); c++) {
                close(a.velocities()[k][c], b.velocities()[k][c], "velocity " + k);
            }
            for (double x : UNIT) {
                for (double y : UNIT) {
                    double[] point = a.dimension() == 1 ? new double[] {x} : new double[] {x, y};
                    initialA[i] = a.initial().value(point, a.velocities()[k]);
                    initialB[i++] = b.initial().value(point, b.velocities()[k]);
                }
            }
        }
        proportional(initialA, initialB, "f0");
        assertEquals(expected.cells(), actual.n());
        sameTime(expected.time(), actual.time());
    }

    @Test
    void topo1dIsP2() {
        sameTopo(PublicProblems.topo1d(), (TopoProblem) read("topo-1d"));
    }

    @Test
    void topo2dIsP3() {
        sameTopo(PublicProblems.topo2d(), (TopoProblem) read("topo-2d"));
    }

    @Test
    void mv1dIsP4() {
        PublicProblems.Mv expected = PublicProblems.mv1d();
        MvProblem actual = (MvProblem) read("mv-1d");
        MvModel a = expected.model();
        MvModel b = actual.model();
        assertEquals(a.dimension(), b.dimension());
        assertEquals(a.sigma(), b.sigma());
        double[] initialA = new double[UNIT.length];
        double[] initialB = new double[UNIT.length];
        for (int i = 0; i < UNIT.length; i++) {
            double[] x = {UNIT[i]};
            close(a.interaction().get(0).value(x), b.interaction().get(0).value(x), "Kf at " + UNIT[i]);
            initialA[i] = a.initial().value(x);
            initialB[i] = b.initial().value(x);
        }
        proportional(initialA, initialB, "f0");
        assertEquals(expected.cells(), actual.grid().n());
        sameTime(expected.time(), actual.time());
    }
}
