package meanfield.solvers.mv;

import static meanfield.solvers.mv.MvTestProblems.attraction2d;
import static meanfield.solvers.mv.MvTestProblems.defaultStepping;
import static meanfield.solvers.mv.MvTestProblems.fixed;
import static meanfield.solvers.mv.MvTestProblems.growthRate;
import static meanfield.solvers.mv.MvTestProblems.last;
import static meanfield.solvers.mv.MvTestProblems.solve;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.time.StageMassWatch;
import meanfield.solvers.time.Schemes;
import meanfield.solvers.time.TimeIntegrator;

class MvSolverTest {

    @Test
    void uniformDensityIsStationaryToRoundOffIn1dAnd2d() {
        MvSolution s1 = solve(MvModel.oneDimensional(0.02, x -> -Math.sin(2 * Math.PI * x), x -> 1.0), 1, 32,
                defaultStepping(1.0, 0.5));
        MvSolution s2 = solve(attraction2d(0.02, x -> 1.0), 2, 16, defaultStepping(1.0, 0.5));
        for (MvSolution s : List.of(s1, s2)) {
            for (int o = 0; o < s.outputCount(); o++) {
                for (double f : s.density(o)) {
                    assertEquals(1.0, f, 1e-14);
                }
            }
        }
    }

    @Test
    void smallModeGrowsAtTheLinearRateOfP4() {
        // f0 = 1 + eps cos(2 pi x), eps = 1e-6: mode 1 grows at pi - 4 pi^2 sigma (MODEL.md 3). The
        // nonlinear correction to its rate is O(eps^2) = 1e-12 and RK4's error pi^5 dt^4 / 120 = 3e-12.
        double sigma = 0.02;
        MvModel model = MvModel.oneDimensional(sigma, x -> -Math.sin(2 * Math.PI * x),
                x -> 1 + 1e-6 * Math.cos(2 * Math.PI * x));
        MvSolution s = solve(model, 1, 32, fixed(0.5, 0.05, 1e-3));
        double expected = Math.PI - 4 * Math.PI * Math.PI * sigma;
        assertEquals(expected, growthRate(s, 1), 1e-6, "absolute error of the growth rate");
    }

    @Test
    void smallMode11GrowsAtTheLinearRateIn2d() {
        double sigma = 0.02;
        MvModel model = attraction2d(sigma, x -> 1 + 1e-6 * Math.cos(2 * Math.PI * (x[0] + x[1])));
        MvSolution s = solve(model, 2, 16, fixed(0.5, 0.05, 1e-3));
        int mode11 = 1 * (16 / 2 + 1) + 1;
        assertEquals(Math.PI - 8 * Math.PI * Math.PI * sigma, growthRate(s, mode11), 1e-6);
    }

    @Test
    void withoutInteractionEveryModeDecaysExactlyAtSigmaTimesItsWavenumberSquared() {
        double sigma = 0.05;
        double twoPi = 2 * Math.PI;
        MvModel model = MvModel.oneDimensional(sigma, x -> 0.0,
                x -> 1 + 0.3 * Math.cos(twoPi * x) + 0.2 * Math.sin(3 * twoPi * x) + 0.1 * Math.cos(5 * twoPi * x));
        MvSolution s = solve(model, 1, 32, defaultStepping(1.0, 0.25));
        double[] x = new PeriodicGrid(1, 32).nodes();
        for (int o = 0; o < s.outputCount(); o++) {
            double t = s.time(o);
            for (int j = 0; j < x.length; j++) {
                double exact = 1 + 0.3 * Math.exp(-sigma * twoPi * twoPi * t) * Math.cos(twoPi * x[j])
                        + 0.2 * Math.exp(-sigma * 9 * twoPi * twoPi * t) * Math.sin(3 * twoPi * x[j])
                        + 0.1 * Math.exp(-sigma * 25 * twoPi * twoPi * t) * Math.cos(5 * twoPi * x[j]);
                assertEquals(exact, s.density(o)[j], 1e-14, "t = " + t + ", node " + j);
            }
        }
        MvModel model2 = new MvModel(2, sigma, List.of(p -> 0.0, p -> 0.0),
                p -> 1 + 0.4 * Math.cos(twoPi * (p[0] - 2 * p[1])));
        MvSolution s2 = solve(model2, 2, 8, defaultStepping(1.0, 1.0));
        PeriodicGrid grid = s2.grid();
        double[] p = new double[2];
        for (int j = 0; j < grid.size(); j++) {
            grid.point(j, p);
            double exact = 1 + 0.4 * Math.exp(-sigma * 5 * twoPi * twoPi) * Math.cos(twoPi * (p[0] - 2 * p[1]));
            assertEquals(exact, last(s2)[j], 1e-14, "node " + j);
        }
    }

    @Test
    void p4KeepsItsMassToRoundOffOverTheHorizonAt256Points(TestReporter reporter) {
        MvSolution s = solve(MvTestProblems.p4(), 1, 256, defaultStepping(5.0, 0.05));
        assertEquals(5.0, s.time(s.outputCount() - 1), 0.0);
        assertEquals(101, s.outputCount());
        assertTrue(s.massErrorMax() < 1e-12, "mass error " + s.massErrorMax());
        // The density aggregates around x = 0 but stays positive.
        assertTrue(s.minDensity() > 0, "min density " + s.minDensity());
        reporter.publishEntry("p4 mass error max", Double.toString(s.massErrorMax()));
        reporter.publishEntry("p4 min density", Double.toString(s.minDensity()));
        reporter.publishEntry("p4 steps", Integer.toString(s.steps()));
    }

    @Test
    void everyStageOfAdaptiveLawsonRk4KeepsTheMassExactly() {
        try (ColumnPool pool = new ColumnPool(1)) {
            MvSpectral spectral = new MvSpectral(MvTestProblems.p4(), new PeriodicGrid(1, 64), pool);
            // The mass is the k = 0 coefficient (the mean over the unit torus).
            StageMassWatch watch = new StageMassWatch(spectral, y -> y[0]);
            TimeIntegrator lawson = Schemes.named("lawson-rk4").orElseThrow().build(watch);
            double[] y = spectral.initialState();
            double massAtStart = y[0];
            double[] next = new double[y.length];
            double t = 0;
            double dt = 0.5;
            int accepted = 0;
            int rejected = 0;
            while (t < 2.0) {
                double h = Math.min(dt, 2.0 - t);
                // A crude controller: the point is that rejected, shortened and accepted steps all occur.
                if (lawson.step(t, h, y, next) > 1e-8) {
                    dt = h / 2;
                    rejected++;
                    continue;
                }
                t += h;
                double[] swap = y;
                y = next;
                next = swap;
                assertEquals(massAtStart, y[0], 0.0, "mass after the step to t = " + t);
                accepted++;
                dt = h * 1.5;
            }
            assertTrue(rejected > 0 && watch.evaluations() > 4 * accepted, "evaluations " + watch.evaluations()
                    + ", steps " + accepted + ", rejected " + rejected);
            assertTrue(watch.worst() <= Math.abs(massAtStart - 1), "largest mass error of a stage " + watch.worst());
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        MvModel model = attraction2d(0.01, x -> 1 + 0.3 * Math.cos(2 * Math.PI * x[0]) * Math.sin(2 * Math.PI * x[1])
                + 0.2 * Math.sin(2 * Math.PI * (x[0] + 2 * x[1])));
        MvSolution one = solve(model, 2, 32, defaultStepping(0.5, 0.25), 1);
        MvSolution two = solve(model, 2, 32, defaultStepping(0.5, 0.25), 2);
        assertEquals(one.outputCount(), two.outputCount());
        for (int o = 0; o < one.outputCount(); o++) {
            assertArrayEquals(one.density(o), two.density(o), 0.0);
        }
    }

    @Test
    void blowUpStopsTheRunWithItsTimeAndKeepsTheOutputsReached() {
        // Strong attraction without diffusion and a step far beyond the CFL limit.
        MvModel model = MvModel.oneDimensional(0.0, x -> -50 * Math.sin(2 * Math.PI * x),
                x -> 1 + 0.5 * Math.cos(2 * Math.PI * x));
        MvSolution s = new MvSolver(model, new PeriodicGrid(1, 64), fixed(10.0, 0.01, 0.01)).solve(1, t -> {
        });
        assertTrue(s.failure().isPresent());
        assertTrue(s.failure().get().contains("at t = "), s.failure().get());
        assertTrue(s.failure().get().contains("x = ") && s.failure().get().contains("(index "), s.failure().get());
        assertTrue(s.outputCount() >= 1 && s.time(s.outputCount() - 1) < 10.0, "outputs up to the failure");
        assertTrue(s.steps() >= s.outputCount() - 1);
    }

    @Test
    void interactionNeedsOneComponentPerDimension() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new MvModel(2, 0.1, List.of(x -> 0.0), x -> 1.0));
        assertEquals(InvalidModelException.Part.KERNEL, e.part());
    }

    @Test
    void negativeInitialDensityIsRejectedNamingThePoint() {
        MvModel model = MvModel.oneDimensional(0.1, x -> 0.0, x -> Math.cos(2 * Math.PI * x));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new MvSolver(model, new PeriodicGrid(1, 16), defaultStepping(1.0, 1.0)).solve(1, t -> {
                }));
        assertEquals(InvalidModelException.Part.INITIAL, e.part());
        assertTrue(e.getMessage().contains("x = [0.3125] (node 5)"), e.getMessage());
    }
}
