package meanfield.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import meanfield.solvers.result.Axis;

/**
 * The axes of position histograms on the unit torus, shared by the particle runs on it: {@code t},
 * {@code x_edges} (bins + 1 edges, the same along every axis) and the bin centres {@code x}
 * ({@code y}, {@code z}).
 */
public final class TorusBins {
    private static final String[] SPACE = {"x", "y", "z"};

    private TorusBins() {
    }

    /** The names of the position axes in dimension d. */
    public static String[] space(int d) {
        return Arrays.copyOf(SPACE, d);
    }

    /** t, x_edges and the bin centres of each position axis. */
    public static List<Axis> axes(int d, int bins) {
        double[] edges = new double[bins + 1];
        Arrays.setAll(edges, b -> (double) b / bins);
        double[] centres = new double[bins];
        Arrays.setAll(centres, b -> (b + 0.5) / bins);
        List<Axis> axes = new ArrayList<>();
        axes.add(Axis.time());
        axes.add(new Axis("x_edges", "1", "bin edges along each axis of the unit torus", edges));
        for (String a : space(d)) {
            axes.add(new Axis(a, "1", "position " + a + " on the unit torus (bin centres)", centres.clone()));
        }
        return axes;
    }
}
