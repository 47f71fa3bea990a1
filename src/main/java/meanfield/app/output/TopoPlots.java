package meanfield.app.output;

import java.nio.file.Path;
import java.util.List;

import meanfield.solvers.topo.TopoSolution;

/** The PNG plots of a TOPO solution: rho ({@link FieldPlots}) and the velocity marginal h_k(t) over time. */
public final class TopoPlots {
    private TopoPlots() {
    }

    public static List<Path> write(Path dir, TopoSolution s, ColourRanges colours) {
        int nt = s.outputCount();
        double[] times = new double[nt];
        for (int i = 0; i < nt; i++) {
            times[i] = s.time(i);
        }
        List<Path> files = new java.util.ArrayList<>(FieldPlots.rho(dir.resolve("rho"), s.dimension(), s.axis(), times, s::rho,
                colours));
        int nvel = s.velocities().length;
        // In 1D the nodes are speeds on a line, so the axis shows v; otherwise it numbers the nodes.
        boolean line = s.dimension() == 1;
        files.add(Charts.save(Charts.heatMap("Velocity marginal h_k(t)", "t", line ? "v" : "velocity node k",
                "h_k (share of mass)", nt,
                i -> times[i], nvel, k -> line ? s.velocities()[k][0] : k, (t, k) -> s.velocityMarginal(t)[k], null),
                dir.resolve("velocity_marginal.png")));
        return files;
    }
}
