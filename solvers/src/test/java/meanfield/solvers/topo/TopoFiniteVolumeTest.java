package meanfield.solvers.topo;

import static meanfield.solvers.topo.TopoTestProblems.last;
import static meanfield.solvers.topo.TopoTestProblems.solve;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import meanfield.grids.DistanceShells;
import meanfield.grids.PeriodicCells;
import meanfield.solvers.model.RankWeight;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;

class TopoFiniteVolumeTest {

    @Test
    void gainBalancesLossAtEveryCellForAnyDensityOfMassOneInOneTwoAndThreeDimensions() {
        SplittableRandom random = new SplittableRandom(7);
        for (RankWeight weight : new RankWeight[] {RankWeight.exponential(), RankWeight.nearestFraction(0.3),
            RankWeight.linear()}) {
            for (int d = 1; d <= 3; d++) {
                PeriodicCells cells = new PeriodicCells(d, d == 1 ? 32 : d == 2 ? 12 : 6);
                double[][] v = new double[2][d];
                v[1][0] = 1;
                TopoModel model = new TopoModel(d, weight, v, (x, u) -> 1.0);
                try (ColumnPool pool = new ColumnPool(1)) {
                    TopoFiniteVolume fv = new TopoFiniteVolume(model, cells, pool);
                    double[] y = new double[fv.size()];
                    double mass = 0;
                    for (int i = 0; i < y.length; i++) {
                        y[i] = random.nextDouble() * (i % 7 == 0 ? 0 : 2);
                        mass += y[i] * cells.volume();
                    }
                    for (int i = 0; i < y.length; i++) {
                        y[i] /= mass;
                    }
                    for (int i = 0; i < cells.count(); i++) {
                        assertEquals(1.0, fv.balance(y, i), 1e-13, "cell " + i + " in " + d + "D");
                    }
                }
            }
        }
    }

    @Test
    void spatiallyUniformDataIsStationaryToRoundOff() {
        TopoModel model = new TopoModel(1, RankWeight.exponential(), TopoTestProblems.velocityGrid(8),
                (x, v) -> Math.exp(-v[0] * v[0]));
        TopoSolution s = solve(model, 32, 0.5, 0.01);
        double[] start = s.density(0);
        double[] end = last(s);
        for (int i = 0; i < start.length; i++) {
            assertEquals(start[i], end[i], 1e-14 * Math.max(1, start[i]));
        }
    }

    @Test
    void p2KeepsMassToRoundOffAndStaysNonNegative() {
        TopoSolution s = solve(TopoTestProblems.p2(RankWeight.exponential(), 32), 64, 2.0, Double.NaN);
        assertTrue(s.failure().isEmpty());
        assertTrue(s.massErrorMax() < 1e-13, "mass error " + s.massErrorMax());
        assertTrue(s.minDensity() >= 0, "min " + s.minDensity());
    }

    @Test
    void uniformRankWeightKeepsTheVelocityMarginal() {
        TopoSolution s = solve(TopoTestProblems.p2(RankWeight.uniform(), 16), 32, 1.0, Double.NaN);
        assertArrayEquals(s.velocityMarginal(0), s.velocityMarginal(s.outputCount() - 1), 1e-14);
    }

    /**
     * The dense product against the gain summed directly in rank order, shell by shell, with the
     * shell weights (C(M + m) - C(M)) / m. With 17^2 = 289 cells the product runs in three blocks
     * (the last one short) over a cell count that is not a multiple of four. All velocities are
     * zero, so the right-hand side is the collision alone.
     */
    @Test
    void collisionEqualsTheGainSummedInRankOrder() {
        PeriodicCells cells = new PeriodicCells(2, 17);
        int nvel = 3;
        TopoModel model = new TopoModel(2, RankWeight.exponential(), new double[nvel][2], (x, u) -> 1.0);
        SplittableRandom random = new SplittableRandom(11);
        try (ColumnPool pool = new ColumnPool(2)) {
            TopoFiniteVolume fv = new TopoFiniteVolume(model, cells, pool);
            double[] y = new double[fv.size()];
            double mass = 0;
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextDouble();
                mass += y[i] * cells.volume();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] /= mass;
            }
            double[] out = new double[y.length];
            fv.rhs(0.0, y, out);
            double[] rho = new double[cells.count()];
            fv.density(y, rho);
            DistanceShells shells = new DistanceShells(cells);
            int[] order = new int[cells.count()];
            for (int i = 0; i < cells.count(); i++) {
                shells.members(i, order);
                double[] gain = new double[nvel];
                double below = 0;
                for (int s = 0; s < shells.shellCount(); s++) {
                    double shellMass = 0;
                    for (int r = shells.shellStart(s); r < shells.shellStart(s + 1); r++) {
                        shellMass += rho[order[r]] * cells.volume();
                    }
                    double mean = (model.weight().cumulative(below + shellMass) - model.weight().cumulative(below)) / shellMass;
                    for (int r = shells.shellStart(s); r < shells.shellStart(s + 1); r++) {
                        for (int k = 0; k < nvel; k++) {
                            gain[k] += mean * y[order[r] * nvel + k];
                        }
                    }
                    below += shellMass;
                }
                for (int k = 0; k < nvel; k++) {
                    double expected = rho[i] * cells.volume() * gain[k] - y[i * nvel + k];
                    assertEquals(expected, out[i * nvel + k], 1e-13, "cell " + i + ", velocity " + k);
                }
            }
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        TopoSolver solver = new TopoSolver(TopoTestProblems.p2(RankWeight.exponential(), 8),
                TopoSolver.Method.FINITE_VOLUME, 24, new meanfield.solvers.time.TimeControl(0.3, 0.3, Double.NaN, 1.0));
        TopoSolution one = solver.solve(1, t -> {
        });
        TopoSolution two = solver.solve(2, t -> {
        });
        assertArrayEquals(last(one), last(two), 0.0);
    }

    /** 2D 12^2 = 144 cells: two blocks of the gain product, one per thread with two threads. */
    @Test
    void resultsDoNotDependOnTheThreadCountWhenTheProductRunsInSeveralBlocks() {
        double[][] v = {{1, 0}, {0, 1}, {-0.6, -0.8}};
        TopoModel model = new TopoModel(2, RankWeight.exponential(), v,
                (x, u) -> 1 + 0.3 * Math.cos(2 * Math.PI * x[0]) * Math.sin(2 * Math.PI * (x[1] + u[0])));
        TopoSolver solver = new TopoSolver(model, TopoSolver.Method.FINITE_VOLUME, 12,
                new meanfield.solvers.time.TimeControl(0.1, 0.1, Double.NaN, 1.0));
        TopoSolution one = solver.solve(1, t -> {
        });
        TopoSolution two = solver.solve(2, t -> {
        });
        assertArrayEquals(last(one), last(two), 0.0);
    }
}
