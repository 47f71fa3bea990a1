package meanfield.app.output;

import static meanfield.app.output.Charts.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.knowm.xchart.HeatMapChart;

/**
 * Plots of a density on the torus over time: in 1D rho(t, x) as a space-time image, in 2D
 * rho(x, y) at the first, middle and last output times (nothing in 3D).
 */
public final class FieldPlots {
    private FieldPlots() {
    }

    /**
     * @param stem files are stem + "_spacetime.png" (1D) or stem + "_0.png", "_1.png", "_2.png" (2D),
     *             e.g. dir/rho
     * @param rho  the values at output i, row-major over the points (indexed [x, y])
     * @param colours the heat maps' fixed colour scales (rho's, if given)
     */
    public static List<Path> rho(Path stem, int dimension, double[] axis, double[] times, IntFunction<double[]> rho,
            ColourRanges colours) {
        Path dir = stem.getParent();
        String name = stem.getFileName().toString();
        List<Path> files = new ArrayList<>();
        if (dimension == 1) {
            files.add(Charts.save(spaceTime(axis, times, rho, colours.of("rho")), dir.resolve(name + "_spacetime.png")));
        } else if (dimension == 2) {
            int[] shown = Charts.evenlySpaced(times.length, 3);
            for (int j = 0; j < shown.length; j++) {
                files.add(Charts.save(snapshot(axis, times[shown[j]], rho.apply(shown[j]), colours.of("rho")),
                        dir.resolve(name + "_" + j + ".png")));
            }
        }
        return files;
    }

    /** rho(t, x) in 1D, time across and x up. */
    static HeatMapChart spaceTime(double[] axis, double[] times, IntFunction<double[]> rho, ColourRanges.Range fixed) {
        return Charts.heatMap("Density ρ(t, x)", "t", "x", "ρ (mass per unit volume)", times.length, i -> times[i],
                axis.length, i -> axis[i], (t, i) -> rho.apply(t)[i], fixed);
    }

    /** rho(x, y) at one time in 2D, the field indexed [x, y] row-major. */
    static HeatMapChart snapshot(double[] axis, double time, double[] field, ColourRanges.Range fixed) {
        int n = axis.length;
        // Square: the torus is [0, 1)^2, and a stretched picture would misstate its shapes.
        return Charts.heatMap("Density ρ(x, y) at t = " + format(time), "x", "y", "ρ (mass per unit area)",
                Charts.HEIGHT - 20, Charts.HEIGHT, n, i -> axis[i], n, i -> axis[i], (ix, iy) -> field[ix * n + iy],
                fixed);
    }
}
