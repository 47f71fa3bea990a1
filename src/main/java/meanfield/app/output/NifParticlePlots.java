package meanfield.app.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.HeatMapChart;
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

    /**
     * The binned rates over (window, label bin), with the continuum's rate_heatmap.png axis titles and
     * quantity, on a {@code fixed} colour scale when given; cells sit at window and bin centres.
     */
    static HeatMapChart rateHeatMap(NifParticleRun run, ColourRanges.Range fixed) {
        double[] edges = run.windowEdges();
        double[] labelEdges = run.labelEdges();
        double[][] rate = run.rate();
        return Charts.heatMap("Binned firing rate (particles)", "t", "ξ", "r (1/time)", rate.length,
                w -> 0.5 * (edges[w] + edges[w + 1]), labelEdges.length - 1,
                b -> 0.5 * (labelEdges[b] + labelEdges[b + 1]), (w, b) -> rate[w][b], fixed);
    }

    /** The mean of the binned rates over the label bins per window, titled as the continuum's population_rate.png. */
    static XYChart populationRate(NifParticleRun run) {
        double[] edges = run.windowEdges();
        double[][] rate = run.rate();
        int nw = rate.length;
        double[] centres = new double[nw];
        double[] mean = new double[nw];
        for (int w = 0; w < nw; w++) {
            centres[w] = 0.5 * (edges[w] + edges[w + 1]);
            double sum = 0;
            for (double r : rate[w]) {
                sum += r;
            }
            mean[w] = sum / rate[w].length;
        }
        XYChart chart = Charts.lineChart("Population rate (particles)", "t", NifPlots.POPULATION_RATE);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("population rate", centres, mean).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    public static List<Path> write(Path dir, String stem, NifParticleRun run, ColourRanges colours) {
        List<Path> files = new ArrayList<>();
        files.add(Charts.save(rateHeatMap(run, colours.of("rate")), dir.resolve(stem + "_rate_heatmap.png")));
        files.add(Charts.save(populationRate(run), dir.resolve(stem + "_population_rate.png")));
        if (run.spikeTimes().length > 0) {
            files.add(Charts.save(raster(run), dir.resolve(stem + "_raster.png")));
        }
        return files;
    }
}
