package meanfield.grids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DistanceShellsTest {

    private static double torusDistance(PeriodicCells cells, int i, int j) {
        double[] x = new double[cells.dimension()];
        double[] y = new double[cells.dimension()];
        cells.center(i, x);
        cells.center(j, y);
        double s = 0;
        for (int a = 0; a < x.length; a++) {
            double d = Math.abs(x[a] - y[a]);
            d = Math.min(d, 1 - d);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void ranksOrderEveryCellByTorusDistanceAgainstABruteForceSort() {
        for (int d = 1; d <= 3; d++) {
            PeriodicCells cells = new PeriodicCells(d, d == 3 ? 4 : 6);
            DistanceShells shells = new DistanceShells(cells);
            int[] members = new int[cells.count()];
            for (int i = 0; i < cells.count(); i++) {
                shells.members(i, members);
                Set<Integer> seen = new HashSet<>();
                double previous = -1;
                for (int s = 0; s < shells.shellCount(); s++) {
                    for (int r = shells.shellStart(s); r < shells.shellStart(s + 1); r++) {
                        assertEquals(shells.member(i, r), members[r]);
                        double dist = torusDistance(cells, i, members[r]);
                        assertEquals(shells.shellRadius(s), dist, 1e-12, "shell radius");
                        assertTrue(dist > previous - 1e-12, "ranks sorted by distance");
                        previous = dist;
                        assertTrue(seen.add(members[r]), "each cell once");
                    }
                }
                assertEquals(cells.count(), seen.size());
                assertEquals(i, members[0], "rank 0 is the cell itself");
            }
        }
    }

    @Test
    void shellsGroupExactlyTheTiedCells() {
        DistanceShells shells = new DistanceShells(new PeriodicCells(1, 8));
        // 1D, 8 cells: distances 0, 1, 1, 2, 2, 3, 3, 4 (in cells): shells of sizes 1, 2, 2, 2, 1.
        assertEquals(5, shells.shellCount());
        int[] sizes = new int[5];
        for (int s = 0; s < 5; s++) {
            sizes[s] = shells.shellStart(s + 1) - shells.shellStart(s);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 2, 2, 2, 1}, sizes);
    }
}
