package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import meanfield.solvers.parallel.ColumnPool;

class NifContinuationTest {

    @Test
    void nnlifBistableHasOneFoldWhereSiegertsSelfConsistencyFolds(TestReporter reporter) {
        try (ColumnPool pool = new ColumnPool(1)) {
            NifContinuation continuation = new NifContinuation(
                    j0 -> new NifStationary(NnlifBistable.system(j0, 24, pool), pool), 0.0, 4.5, 40);
            NifContinuation.Branch branch = continuation.trace(f -> {
            });
            reporter.publishEntry("end", branch.end());
            reporter.publishEntry("points", String.valueOf(branch.points().size()));
            // Measured: the fold at J0 = 4.16455, the lower branch stable and the upper one unstable, the leading
            // eigenvalue crossing zero at the fold; the upper branch leaves the resolution of degree 24 near J0 = 1.2.
            for (NifContinuation.Point p : branch.points()) {
                boolean upper = p.state().meanRate() > branch.folds().get(0).meanRate();
                assertEquals(!upper, p.spectrum().stable(), "J0 = " + p.value() + ", rate " + p.state().meanRate()
                        + ", leading eigenvalue " + p.spectrum().leadingReal());
            }
            assertEquals(1, branch.changes().size());
            // The branch in closed form: R = Phi(c) at c = 0.3 + J0 R, so J0 = (c - 0.3) / Phi(c); the fold is its
            // maximum, where dJ0/dc = 0 (a central difference: an error eps in c moves J0 by O(eps^2) only).
            DoubleUnaryOperator j0 = c -> (c - NnlifBistable.INPUT) / NnlifBistable.siegert(c);
            double at = new BrentSolver(1e-13).solve(200, c -> (j0.applyAsDouble(c + 1e-5) - j0.applyAsDouble(c - 1e-5)),
                    0.35, 0.9);
            double fold = j0.applyAsDouble(at);
            reporter.publishEntry("fold", "Siegert " + fold + " at c = " + at + ", continuation " + branch.folds());
            assertEquals(1, branch.folds().size(), "folds " + branch.folds());
            // Along the whole branch the mean rate solves R = Phi(I + J0 R), Phi Siegert's rate (w constant: one label).
            for (NifContinuation.Point p : branch.points()) {
                double r = p.state().meanRate();
                double phi = NnlifBistable.siegert(NnlifBistable.INPUT + p.value() * r);
                assertEquals(phi, r, 1e-7 * r, "J0 = " + p.value());
            }
            assertTrue(branch.end().contains("resolves"), branch.end());
            assertEquals(fold, branch.folds().get(0).value(), 1e-6 * fold);
        }
    }

    @Test
    void theStabilityTheEigenvaluesReportIsWhatTimeIntegrationFinds() {
        try (ColumnPool pool = new ColumnPool(1)) {
            NifStationary problem = new NifStationary(NnlifBistable.system(2.0, 24, pool), pool);
            NifStationary.State lower = problem.solve(null, 1e-12, 30);
            NifStationary.State upper = problem.solve(new double[] {0.4}, 1e-12, 30);
            assertTrue(upper.meanRate() > 10 * lower.meanRate(), lower.meanRate() + " vs " + upper.meanRate());
            NifStability.Spectrum lowerSpectrum = NifStability.of(problem, lower);
            NifStability.Spectrum upperSpectrum = NifStability.of(problem, upper);
            assertTrue(lowerSpectrum.stable(), "lower leading eigenvalue " + lowerSpectrum.leadingReal());
            assertTrue(!upperSpectrum.stable(), "upper leading eigenvalue " + upperSpectrum.leadingReal());
            // Each state perturbed by a thousandth of the difference to the other (mass 0), then integrated to t = 4.
            assertTrue(growth(lower, upper, pool) < 0.1, "the stable state was not returned to");
            assertTrue(growth(upper, lower, pool) > 10, "the unstable state was not left");
        }
    }

    /** ||f(4) - f*|| / ||f(0) - f*|| (L1 with the nodes' weights) from f* + 1e-3 (other - f*). */
    private static double growth(NifStationary.State state, NifStationary.State other, ColumnPool pool) {
        meanfield.grids.LobattoElements v = new meanfield.grids.LobattoElements(NnlifBistable.BREAKS, 24);
        int n = v.size();
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = state.density()[i] + 1e-3 * (other.density()[i] - state.density()[i]);
        }
        meanfield.solvers.model.NifModel base = NnlifBistable.model(2.0);
        meanfield.solvers.model.NifModel perturbed = new meanfield.solvers.model.NifModel(base.reset(), base.sigma(),
                base.drift(), base.rate(), base.threshold(), base.kernel(), (x, xi) -> Math.max(0, v.interpolate(start, 0, x)));
        SpectralRuns run = SpectralRuns.solve(perturbed, NnlifBistable.BREAKS, 24, 1,
                NifTestProblems.adaptive(4.0, 1e-10));
        double[] end = run.density(run.outputCount() - 1);
        double initial = 0;
        double last = 0;
        for (int i = 0; i < n; i++) {
            initial += v.weight(i) * Math.abs(start[i] - state.density()[i]);
            last += v.weight(i) * Math.abs(end[i] - state.density()[i]);
        }
        return last / initial;
    }
}
