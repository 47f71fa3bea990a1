package meanfield.benchmarks;

import java.util.concurrent.TimeUnit;

import org.jtransforms.fft.DoubleFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.model.TopoModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.topo.TopoSpectral;

/**
 * The explicit part (collision -f + gain) of the TOPO spectral scheme on P2, 256 nodes x 32
 * velocities with the default radial nodes (64), single-threaded, beside its yardstick: the raw
 * JTransforms FFTs of size 256 that one evaluation performs. Those are, with n_v velocities and
 * n_q radial nodes:
 * <ul>
 * <li>inverse: n_v (the velocities to physical space) + 2 n_q (ball mass and ring density of rho
 * per radial node) + n_v n_q (ring sums of every velocity per radial node) = 2208;</li>
 * <li>forward: 1 (rho) + n_v (the result back to spectra) = 33.</li>
 * </ul>
 * What the evaluation adds on top of them is the multiplier products, the copies, and the
 * kernel K at n_q x n nodes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class TopoSpectralBenchmark {
    static final int NODES = 256;

    private ColumnPool pool;
    private TopoSpectral system;
    private double[] state;
    private double[] derivative;
    private int inverses;
    private int forwards;
    private DoubleFFT_1D fft;
    private double[] spectrum;
    private double[] line;

    @Setup(Level.Trial)
    public void build() {
        TopoModel model = TopoModels.p2();
        pool = new ColumnPool(1);
        int radial = TopoSpectral.defaultRadialNodes(NODES);
        system = new TopoSpectral(model, new PeriodicGrid(1, NODES), radial, pool);
        state = system.initialState(model);
        derivative = new double[state.length];
        int nvel = model.velocityCount();
        inverses = nvel + 2 * radial + nvel * radial;
        forwards = 1 + nvel;
        fft = new DoubleFFT_1D(NODES);
        // A smooth spectrum, so the raw transforms work on numbers like the solver's.
        spectrum = new double[NODES];
        for (int j = 0; j < NODES; j++) {
            spectrum[j] = Math.exp(-0.1 * j);
        }
        line = new double[NODES];
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    @Benchmark
    public double explicitPart() {
        system.explicitPart(0.0, state, derivative);
        return derivative[0];
    }

    /** The transforms of one explicit part, each on a fresh copy as the solver's are. */
    @Benchmark
    public double rawFfts() {
        double sum = 0;
        for (int t = 0; t < inverses; t++) {
            System.arraycopy(spectrum, 0, line, 0, NODES);
            fft.realInverse(line, true);
            sum += line[0];
        }
        for (int t = 0; t < forwards; t++) {
            System.arraycopy(spectrum, 0, line, 0, NODES);
            fft.realForward(line);
            sum += line[0];
        }
        return sum;
    }
}
