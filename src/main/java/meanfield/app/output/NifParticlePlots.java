package meanfield.app.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import meanfield.validation.nif.NifParticleRun;

/**
 * The plots of a NIF network run: the binned rates as a heat map over (window, label bin), the
 * population rate (mean over bins) per window, and a spike raster when the spikes were recorded.
 */
public final class NifParticlePlots {
    private NifParticlePlots() {
    }

    /** Every recorded spike as a dot at (time, label of its neuron). */
    private static XYChart raster(NifParticleRun run) {
        double[] labels = new double[run.spikeNeurons().length];
        for (int s = 0; s < labels.length; s++) {
            labels[s] = run.labels()[run.spikeNeurons()[s]];
        }
        XYChart chart = Charts.lineChart("Spike raster (" + run.labels().length + " neurons)", "t", "ξ_i");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(2);
        chart.addSeries("spikes", run.spikeTimes(), labels);
        return chart;
    }

    public static List<Path> write(Path dir, String stem, NifParticleRun run) {
        double[] edges = run.windowEdges();
        double[] labelEdges = run.labelEdges();
        double[][] rate = run.rate();
        int nw = rate.length;
        int nb = labelEdges.length - 1;
        List<Path> files = new ArrayList<>();
        // The same axis titles and quantity as the continuum's rate_heatmap.png; cells sit at window and bin centres.
        files.add(Charts.save(Charts.heatMap("Binned firing rate (particles)", "t", "ξ",
                "r (1/time)", nw,
                w -> 0.5 * (edges[w] + edges[w + 1]), nb, b -> 0.5 * (labelEdges[b] + labelEdges[b + 1]),
                (w, b) -> rate[w][b]), dir.resolve(stem + "_rate_heatmap.png")));
        double[] centres = new double[nw];
        double[] mean = new double[nw];
        for (int w = 0; w < nw; w++) {
            centres[w] = 0.5 * (edges[w] + edges[w + 1]);
            double sum = 0;
            for (double r : rate[w]) {
                sum += r;
            }
            mean[w] = sum / nb;
        }
        XYChart chart = Charts.lineChart("Population rate (particles)", "t", "spikes per neuron per unit time");
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("population rate", centres, mean).setMarker(SeriesMarkers.NONE);
        files.add(Charts.save(chart, dir.resolve(stem + "_population_rate.png")));
        if (run.spikeTimes().length > 0) {
            files.add(Charts.save(raster(run), dir.resolve(stem + "_raster.png")));
        }
        return files;
    }
}
