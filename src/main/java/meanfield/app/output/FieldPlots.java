package meanfield.app.output;

import static meanfield.app.output.Charts.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Plots of a density on the torus over time: in 1D rho(t, x) as a space-time image, in 2D
 * rho(x, y) at the first, middle and last output times (nothing in 3D).
 */
public final class FieldPlots {
    private FieldPlots() {
    }

    /** @param rho the values at output i, row-major over the points (indexed [x, y]) */
    public static List<Path> rho(Path dir, int dimension, double[] axis, double[] times, IntFunction<double[]> rho) {
        List<Path> files = new ArrayList<>();
        int n = axis.length;
        int nt = times.length;
        if (dimension == 1) {
            files.add(Charts.save(Charts.heatMap("Density ρ(t, x)", "t", "x", nt, i -> times[i], n, i -> axis[i],
                    (t, i) -> rho.apply(t)[i]), dir.resolve("rho_spacetime.png")));
        } else if (dimension == 2) {
            int[] shown = Charts.evenlySpaced(nt, 3);
            for (int j = 0; j < shown.length; j++) {
                double[] field = rho.apply(shown[j]);
                files.add(Charts.save(Charts.heatMap("Density ρ(x, y) at t = " + format(times[shown[j]]), "x", "y",
                        n, i -> axis[i], n, i -> axis[i], (ix, iy) -> field[ix * n + iy]),
                        dir.resolve("rho_" + j + ".png")));
            }
        }
        return files;
    }
}
