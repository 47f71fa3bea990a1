package meanfield.validation.mv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.mv.MvModel;
import meanfield.solvers.mv.MvSolution;
import meanfield.solvers.mv.MvSolver;
import meanfield.solvers.time.TimeControl;

class MvSimulatorTest {
    private static final double TWO_PI = 2 * Math.PI;

    static MvModel p4() {
        return MvModel.oneDimensional(0.02, x -> -Math.sin(TWO_PI * x), x -> 1 + 0.2 * Math.cos(TWO_PI * x));
    }

    private static MvParticleRun run(MvModel model, MvSimulator.Settings settings, int threads) {
        MvParticleRun run = new MvSimulator(model, settings).simulate(threads, f -> {
        });
        assertTrue(run.failure().isEmpty(), () -> run.failure().get());
        return run;
    }

    @Test
    void theSameSeedGivesIdenticalTrajectoriesWithOneAndTwoThreads() {
        MvSimulator.Settings settings = new MvSimulator.Settings(5 * MvSimulator.BLOCK + 300, 0.5, 0.01, 0.25, 16, 9);
        MvParticleRun one = run(p4(), settings, 1);
        MvParticleRun two = run(p4(), settings, 2);
        assertArrayEquals(one.initialPositions(), two.initialPositions(), 0.0);
        assertArrayEquals(one.finalPositions(), two.finalPositions(), 0.0);
        for (int o = 0; o < one.outputCount(); o++) {
            assertArrayEquals(one.positionHistogram()[o], two.positionHistogram()[o], 0.0);
        }
        MvParticleRun other = run(p4(), new MvSimulator.Settings(settings.particles(), 0.5, 0.01, 0.25, 16, 10), 2);
        assertFalse(Arrays.equals(one.finalPositions(), other.finalPositions()));
    }

    /** Kf = 0: X(t) - X(0) is Gaussian with variance 2 sigma t per axis (the unwrapped displacement). */
    private static void displacementVarianceIsTwoSigmaT(MvModel model) {
        int n = 20000;
        double end = 1.0;
        MvParticleRun run = run(model, new MvSimulator.Settings(n, end, 0.01, 0.5, 8, 11), 2);
        int d = model.dimension();
        for (int a = 0; a < d; a++) {
            double mean = 0;
            double square = 0;
            for (int i = 0; i < n; i++) {
                double displacement = run.finalPositions()[i * d + a] - run.initialPositions()[i * d + a];
                mean += displacement / n;
                square += displacement * displacement / n;
            }
            double variance = 2 * model.sigma() * end;
            // Sample variance about the true mean 0: relative standard deviation sqrt(2 / N) = 1%.
            assertEquals(variance, square, 5 * variance * Math.sqrt(2.0 / n), "axis " + a);
            assertEquals(0, mean, 5 * Math.sqrt(variance / n), "axis " + a);
        }
    }

    @Test
    void withoutInteractionTheDisplacementVarianceIsTwoSigmaT() {
        displacementVarianceIsTwoSigmaT(MvModel.oneDimensional(0.05, x -> 0.0, x -> 1 + 0.5 * Math.cos(TWO_PI * x)));
        displacementVarianceIsTwoSigmaT(new MvModel(2, 0.03, List.of(p -> 0.0, p -> 0.0), p -> 1.0));
    }

    /**
     * P4 end to end: the first Fourier mode of the particles, which grows from 0.1 at about
     * pi - 4 pi^2 sigma, follows the spectral solution of the limit to within its sampling noise
     * (about (2N)^(-1/2) at the start, amplified by e^{2.35 t}) and the O(dt) of Euler–Maruyama.
     */
    @Test
    void p4ParticlesFollowTheSpectralSolutionOfTheLimit() {
        double end = 0.5;
        int n = 50_000;
        MvParticleRun particles = run(p4(), new MvSimulator.Settings(n, end, 2.5e-3, end, 16, 12), 2);
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
            double x = particles.finalPositions()[i];
            re += Math.cos(TWO_PI * x) / n;
            im -= Math.sin(TWO_PI * x) / n;
        }
        PeriodicGrid grid = new PeriodicGrid(1, 64);
        MvSolution limit = new MvSolver(p4(), grid, new TimeControl(end, end, 1e-3, 1.0)).solve(1, f -> {
        });
        FourierTransform transform = new FourierTransform(grid);
        double[] spectrum = new double[transform.spectrumLength()];
        transform.forward(limit.density(limit.outputCount() - 1), spectrum);
        assertTrue(spectrum[2] > 0.25, "the mode must have grown: " + spectrum[2]);
        double tolerance = 5 * Math.exp((Math.PI - 4 * Math.PI * Math.PI * 0.02) * end) / Math.sqrt(2.0 * n);
        assertEquals(spectrum[2], re, tolerance, "Re muhat_1");
        assertEquals(spectrum[3], im, tolerance, "Im muhat_1");
    }

    @Test
    void histogramsHoldTheWholeMassAtEveryOutput() {
        MvParticleRun run = run(p4(), new MvSimulator.Settings(3000, 1.0, 0.01, 0.3, 10, 13), 1);
        assertArrayEquals(new double[] {0, 0.3, 0.6, 0.9, 1.0}, run.times(), 1e-12);
        for (double[] histogram : run.positionHistogram()) {
            assertEquals(1.0, Arrays.stream(histogram).sum(), 1e-12);
        }
        assertEquals(100, run.steps());
    }
}
