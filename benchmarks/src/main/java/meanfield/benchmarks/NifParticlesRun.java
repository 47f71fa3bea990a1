package meanfield.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

import meanfield.solvers.model.AffineDrift;
import meanfield.solvers.model.Drift;
import meanfield.solvers.model.FiringRate;
import meanfield.solvers.model.NifModel;
import meanfield.validation.network.Connectivity;
import meanfield.validation.network.WeightMatrix;
import meanfield.validation.nif.NifParticleRun;
import meanfield.validation.nif.NifSimulator;

/**
 * Issue #12's particle workload beside its yardstick in the same JVM (item 3): N = 32000 neurons on
 * an Erdős–Rényi network of mean in-degree 500, dt = 0.5 ms, T = 4, one thread; rate
 * 4 / (1 + exp(-(v - 0.8) / 0.15)), drift -v + 1.0 + 0.3 sin(2 pi xi), and otherwise P1's model
 * (reset, sigma, kernel, initial data). The rate and drift are the built-in sigmoid and an affine
 * drift, which is what {@code meanfield simulate} makes of those formulas (thinning against the
 * interval bound, coefficients tabulated per neuron). The yardstick is {@link NeuronStepLoop} over
 * the same N and steps with the run's own number of synaptic events; the figure is the
 * simulation phase's wall time over the loop's (the network build is reported apart).
 * <p>
 * Both are run twice on the same data: the first simulation includes JIT compilation as a user's
 * does, the second shows the compiled code, and the ratio is of the faster of each.
 * <p>
 * Usage: {@code NifParticlesRun [--quick] [--json FILE]}; {@code --quick} is N = 8000, in-degree
 * 100, T = 0.5, as a smoke run.
 */
public final class NifParticlesRun {
    private static final double DT = 5e-4;
    private static final long SEED = 1;
    private static final int RUNS = 2;

    private NifParticlesRun() {
    }

    public static void main(String[] args) throws IOException {
        RunOptions options = RunOptions.parse("NifParticlesRun", args);
        boolean quick = options.quick();
        Path json = options.json();
        int n = quick ? 8000 : 32_000;
        double degree = quick ? 100 : 500;
        double end = quick ? 0.5 : 4.0;

        NifModel model = model();
        long start = System.nanoTime();
        WeightMatrix network = WeightMatrix.sample(n, model.kernel(), new Connectivity.ErdosRenyi(degree), SEED, 1);
        double build = seconds(start);
        NifSimulator simulator = new NifSimulator(model, network, P1Model.vGrid(P1Model.DEFAULT_V_CELLS),
                new NifSimulator.Settings(end, DT, end, 1, SEED));

        NifParticleRun run = null;
        double firstRun = Double.NaN;
        double bestRun = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
            start = System.nanoTime();
            run = simulator.simulate(1, fraction -> {
            });
            double wall = seconds(start);
            if (run.failure().isPresent()) {
                throw new IllegalStateException("the run failed: " + run.failure().get());
            }
            firstRun = r == 0 ? wall : firstRun;
            bestRun = Math.min(bestRun, wall);
        }
        long events = 0;
        for (int j = 0; j < n; j++) {
            events += (long) run.spikeCounts()[j] * network.outDegree(j);
        }
        NeuronStepLoop loop = new NeuronStepLoop(n, run.steps(), events);
        double bestLoop = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
            bestLoop = Math.min(bestLoop, loop.seconds(SEED + r));
        }

        String label = String.format(Locale.ROOT, "N = %d, ER in-degree %.0f, dt = %s, T = %s, 1 thread", n, degree, DT,
                end);
        String yardstick = "neuron-step loop (1 normal + 1 multiply-add per neuron-step, same events to random targets)";
        System.out.printf(Locale.ROOT, "%s: %d synapses built in %.2f s; %d steps, %d spikes, %d synaptic events%n", label,
                network.synapses(), build, run.steps(), run.totalSpikes(), events);
        System.out.printf(Locale.ROOT, "simulation %.3f s (first run, JIT included), %.3f s (best of %d);"
                + " yardstick %.3f s (best of %d): ratio %.2f%n", firstRun, bestRun, RUNS, bestLoop, RUNS,
                bestRun / bestLoop);

        Figures figures = new Figures("NifParticlesRun");
        figures.add(label, "network build", build, "s", null, Double.NaN, null, Double.NaN);
        figures.add(label, "simulation, first run", firstRun, "s", yardstick, bestLoop, "s", firstRun / bestLoop);
        figures.add(label, "simulation, best of " + RUNS, bestRun, "s", yardstick, bestLoop, "s", bestRun / bestLoop);
        figures.add(label, "synaptic events per second (best run)", events / bestRun, "1/s", yardstick,
                events / bestLoop, "1/s", Double.NaN);
        figures.write(json);
    }

    /** The workload's model: P1 with the rate and drift. */
    static NifModel model() {
        NifModel p1 = P1Model.model();
        Drift mu = Drift.autonomous((v, xi) -> -v + 1.0 + 0.3 * Math.sin(2 * Math.PI * xi));
        AffineDrift affine = AffineDrift.of(mu, (t, xi) -> -1.0, (t, xi) -> 1.0 + 0.3 * Math.sin(2 * Math.PI * xi));
        return new NifModel(p1.reset(), p1.sigma(), affine, FiringRate.sigmoid(4, 0.8, 0.15), OptionalDouble.empty(),
                p1.kernel(), p1.initial());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
