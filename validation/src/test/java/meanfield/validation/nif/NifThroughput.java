package meanfield.validation.nif;

import java.util.Locale;
import java.util.OptionalDouble;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.validation.network.Connectivity;
import meanfield.validation.network.WeightMatrix;

/**
 * A throughput check, not a test: P1 of MODEL.md on an Erdős–Rényi network, T = 1, dt = 1e-3.
 * Arguments: N, mean in-degree, threads, input I of the drift -v + I (default 100000 1000 1 1.2: about
 * 0.8 spikes per neuron; I = 3 makes it about 5); needs about 2 GB of heap at the default.
 */
public final class NifThroughput {
    private NifThroughput() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double degree = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        double input = args.length > 3 ? Double.parseDouble(args[3]) : 1.2;
        NifModel model = new NifModel(0.0, 0.1, Drift.autonomous((v, xi) -> -v + input), FiringRate.sigmoid(5, 1, 0.2),
                OptionalDouble.empty(),
                new SynapticKernel.Function((xi, zeta) -> 0.1 + 0.3 * Math.cos(2 * Math.PI * (xi - zeta))),
                (v, xi) -> Math.exp(-Math.pow((v - 0.5 - 0.3 * Math.cos(2 * Math.PI * xi)) / 0.15, 2) / 2));
        long start = System.nanoTime();
        WeightMatrix network = WeightMatrix.sample(n, model.kernel(), new Connectivity.ErdosRenyi(degree), 1, threads);
        double build = (System.nanoTime() - start) * 1e-9;
        NifSimulator simulator = new NifSimulator(model, network, new UniformGrid(-1.5, 3.5, 400),
                new NifSimulator.Settings(1.0, 1e-3, 0.05, 16, 1));
        start = System.nanoTime();
        NifParticleRun run = simulator.simulate(threads, fraction -> {
        });
        double wall = (System.nanoTime() - start) * 1e-9;
        long events = 0;
        for (int j = 0; j < n; j++) {
            events += (long) run.spikeCounts()[j] * network.outDegree(j);
        }
        System.out.printf(Locale.ROOT, "N = %d, synapses = %d (%.1f bytes each), threads = %d%n", n,
                network.synapses(), (double) network.bytes() / network.synapses(), threads);
        System.out.printf(Locale.ROOT, "build %.2f s; simulate %.2f s: %.3g neuron updates/s, %d spikes, %.3g synaptic events/s%n",
                build, wall, (double) n * run.steps() / wall, run.totalSpikes(), events / wall);
    }
}
