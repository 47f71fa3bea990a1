package meanfield.validation.study;

/**
 * The NIF particle-versus-continuum distance over the whole run: the L1 distance in time and labels
 * between the network's binned firing rates and the continuum rate r(t, xi) averaged over the same
 * windows W (time) and label bins B,
 * <pre>
 *   d = sum_W sum_B |W| |B| | r_N(W, B) - rbar(W, B) |,
 *   rbar(W, B) = (1/(|W| |B|)) int_W int_B r(t, xi) dxi dt,
 * </pre>
 * where r_N(W, B) = spikes of the neurons of B in W / (neurons in B x |W|). In time r is the linear
 * interpolant of its outputs (the trapezoid rule over the outputs inside W, exact at W's ends when
 * they fall between outputs); in labels r is constant on each label cell of the continuum, cells
 * cut by a bin edge counted by their fraction inside B. Windows and bins are flattened [W * bins + B].
 */
public final class BinnedRateDistance {
    private final double[] windowEdges;
    private final double[] labelEdges;
    private final double[] times;
    private final double[][] labelFraction;

    /**
     * @param windowEdges  the particle windows' edges in time (windows + 1)
     * @param labelEdges   the particle label bins' edges on [0, 1] (bins + 1)
     * @param times        the continuum's output times (increasing, covering the windows)
     * @param labelCells   the continuum's number of label cells, of equal width on [0, 1]
     */
    public BinnedRateDistance(double[] windowEdges, double[] labelEdges, double[] times, int labelCells) {
        double slack = 1e-9 * Math.max(1, Math.abs(times[times.length - 1]));
        if (windowEdges[0] < times[0] - slack || windowEdges[windowEdges.length - 1] > times[times.length - 1] + slack) {
            throw new IllegalArgumentException("windows over [" + windowEdges[0] + ", "
                    + windowEdges[windowEdges.length - 1] + "] reach outside the continuum's outputs over [" + times[0]
                    + ", " + times[times.length - 1] + "]");
        }
        this.windowEdges = windowEdges.clone();
        this.labelEdges = labelEdges.clone();
        this.times = times.clone();
        double[] cellEdges = new double[labelCells + 1];
        for (int c = 0; c <= labelCells; c++) {
            cellEdges[c] = (double) c / labelCells;
        }
        this.labelFraction = IntervalOverlap.fractions(labelEdges, cellEdges);
    }

    /** Values of a binned rate: windows x bins. */
    public int size() {
        return (windowEdges.length - 1) * (labelEdges.length - 1);
    }

    /** rbar(W, B) for every window and bin, from rate[o][cell] at the continuum's output times. */
    public double[] continuum(double[][] rate) {
        int windows = windowEdges.length - 1;
        int bins = labelEdges.length - 1;
        int cells = labelFraction[0].length;
        double[] binned = new double[windows * bins];
        double[] inWindow = new double[cells];
        for (int w = 0; w < windows; w++) {
            timeAverage(rate, windowEdges[w], windowEdges[w + 1], inWindow);
            for (int b = 0; b < bins; b++) {
                double width = labelEdges[b + 1] - labelEdges[b];
                double sum = 0;
                for (int c = 0; c < cells; c++) {
                    sum += labelFraction[b][c] * inWindow[c] / cells;
                }
                binned[w * bins + b] = sum / width;
            }
        }
        return binned;
    }

    /** d between particle rates and continuum averages (both windows x bins, flattened). */
    public double distance(double[] particle, double[] continuum) {
        int bins = labelEdges.length - 1;
        if (particle.length != size() || continuum.length != size()) {
            throw new IllegalArgumentException("binned rates of " + particle.length + " and " + continuum.length
                    + " values, expected " + size());
        }
        double sum = 0;
        for (int i = 0; i < particle.length; i++) {
            int w = i / bins;
            int b = i % bins;
            double cell = (windowEdges[w + 1] - windowEdges[w]) * (labelEdges[b + 1] - labelEdges[b]);
            sum += cell * Math.abs(particle[i] - continuum[i]);
        }
        return sum;
    }

    /** The time average over [a, b] of the piecewise-linear interpolant of the outputs, per label cell. */
    private void timeAverage(double[][] rate, double a, double b, double[] average) {
        java.util.Arrays.fill(average, 0);
        double lo = Math.max(a, times[0]);
        double hi = Math.min(b, times[times.length - 1]);
        for (int o = 0; o + 1 < times.length; o++) {
            double t0 = Math.max(lo, times[o]);
            double t1 = Math.min(hi, times[o + 1]);
            if (t1 <= t0) {
                continue;
            }
            // A linear function integrates exactly to its value at the midpoint times the length.
            double mid = 0.5 * (t0 + t1);
            double s = (mid - times[o]) / (times[o + 1] - times[o]);
            for (int c = 0; c < average.length; c++) {
                average[c] += (t1 - t0) * ((1 - s) * rate[o][c] + s * rate[o + 1][c]);
            }
        }
        for (int c = 0; c < average.length; c++) {
            average[c] /= b - a;
        }
    }
}
