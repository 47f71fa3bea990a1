package meanfield.app.output;

import static meanfield.app.output.Charts.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import meanfield.solvers.topo.TopoSolution;

/**
 * The PNG plots of a TOPO solution: in 1D rho(t, x) as a space-time image, in 2D rho(x, y) at
 * the first, middle and last output times; and the velocity marginal h_k(t) over time.
 */
public final class TopoPlots {
    private TopoPlots() {
    }

    public static List<Path> write(Path dir, TopoSolution s) {
        List<Path> files = new ArrayList<>();
        int n = s.perDimension();
        double[] axis = s.axis();
        int nt = s.outputCount();
        if (s.dimension() == 1) {
            files.add(Charts.save(Charts.heatMap("Density ρ(t, x)", "t", "x", nt, s::time, n, i -> axis[i],
                    (t, i) -> s.rho(t)[i]), dir.resolve("rho_spacetime.png")));
        } else if (s.dimension() == 2) {
            int[] shown = Charts.evenlySpaced(nt, 3);
            for (int j = 0; j < shown.length; j++) {
                double[] rho = s.rho(shown[j]);
                files.add(Charts.save(Charts.heatMap("Density ρ(x, y) at t = " + format(s.time(shown[j])), "x", "y",
                        n, i -> axis[i], n, i -> axis[i], (ix, iy) -> rho[ix * n + iy]),
                        dir.resolve("rho_" + j + ".png")));
            }
        }
        int nvel = s.velocities().length;
        files.add(Charts.save(Charts.heatMap("Velocity marginal h_k(t)", "t", "velocity node k", nt, s::time, nvel,
                k -> k, (t, k) -> s.velocityMarginal(t)[k]), dir.resolve("velocity_marginal.png")));
        return files;
    }
}
