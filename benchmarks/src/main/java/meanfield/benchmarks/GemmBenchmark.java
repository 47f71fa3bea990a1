package meanfield.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import meanfield.grids.DistanceShells;
import meanfield.grids.PeriodicCells;
import meanfield.solvers.topo.GainProduct;

/**
 * The product G = W F of the TOPO finite-volume gain alone (W: n x n rank weights, F: n x n_v
 * node masses), single-threaded, on the shapes of {@link TopoFiniteVolumeBenchmark}: 1D 256 cells
 * x 32 velocities, 2D 32^2 and 64^2 cells x 16 velocities. Three ways, on data already built:
 * <ul>
 * <li>{@link #gatherLoop}: the solver's former loop, per cell the rank-ordered cells' rows of F
 * scaled by their weights and summed (one rank order and weight row for all cells, in cache, as
 * when each row had just been computed);</li>
 * <li>{@link #javaBlocks}: {@link GainProduct}, the solver's product, in its blocks of 128 rows
 * of W (one block buffer, in cache, as right after its build);</li>
 * <li>the yardstick, OpenBLAS dgemm through ND4J on one BLAS thread: {@link #nd4jWhole} in one
 * call on the whole off-heap W, {@link #nd4jBlocks} on the solver's blocks, and
 * {@link #nd4jCopies}, the copies of F in and G out that a solver on ND4J would add per
 * evaluation (W itself could be written off-heap directly).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class GemmBenchmark {
    /** Rows of W per block, as in the solver. */
    private static final int BLOCK = 128;

    /** "dimension:cells per dimension:velocities". */
    @Param({"1:256:32", "2:32:16", "2:64:16"})
    public String shape;

    private int cells;
    private int nvel;
    private int block;
    private double[] f;
    private int[] order;
    private double[] rankWeights;
    private double[] gain;
    private double[][] weightColumns;
    private double[][] product;
    private INDArray wholeW;
    private INDArray blockW;
    private INDArray offHeapF;
    private INDArray wholeG;
    private INDArray blockG;
    private double[] gOut;

    @Setup(Level.Trial)
    public void build() {
        String[] parts = shape.split(":");
        PeriodicCells grid = new PeriodicCells(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        cells = grid.count();
        nvel = Integer.parseInt(parts[2]);
        block = Math.min(BLOCK, cells);
        SplittableRandom random = new SplittableRandom(5);
        f = new double[cells * nvel];
        for (int i = 0; i < f.length; i++) {
            f[i] = random.nextDouble();
        }
        order = new int[cells];
        new DistanceShells(grid).members(0, order);
        rankWeights = new double[cells];
        for (int r = 0; r < cells; r++) {
            rankWeights[r] = random.nextDouble();
        }
        gain = new double[nvel];
        weightColumns = new double[cells][block];
        for (double[] column : weightColumns) {
            for (int b = 0; b < block; b++) {
                column[b] = random.nextDouble();
            }
        }
        product = new double[nvel][block];

        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.factory().blas().setMaxThreads(1);
        double[] w = new double[cells * cells];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextDouble();
        }
        wholeW = Nd4j.create(w, new long[] {cells, cells}, DataType.DOUBLE);
        blockW = wholeW.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, block),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c');
        offHeapF = Nd4j.create(f, new long[] {cells, nvel}, DataType.DOUBLE);
        wholeG = Nd4j.create(DataType.DOUBLE, new long[] {cells, nvel}, 'c');
        blockG = Nd4j.create(DataType.DOUBLE, new long[] {block, nvel}, 'c');
        gOut = new double[cells * nvel];
    }

    @Benchmark
    public double gatherLoop() {
        double last = 0;
        for (int i = 0; i < cells; i++) {
            java.util.Arrays.fill(gain, 0.0);
            for (int r = 0; r < cells; r++) {
                double wr = rankWeights[r];
                int base = order[r] * nvel;
                for (int k = 0; k < nvel; k++) {
                    gain[k] += wr * f[base + k];
                }
            }
            last += gain[i % nvel];
        }
        return last;
    }

    @Benchmark
    public double javaBlocks() {
        double last = 0;
        for (int first = 0; first < cells; first += block) {
            GainProduct.multiply(weightColumns, Math.min(block, cells - first), f, nvel, product);
            last += product[0][0];
        }
        return last;
    }

    @Benchmark
    public INDArray nd4jWhole() {
        return Nd4j.gemm(wholeW, offHeapF, wholeG, false, false, 1.0, 0.0);
    }

    @Benchmark
    public INDArray nd4jBlocks() {
        for (int first = 0; first < cells; first += block) {
            Nd4j.gemm(blockW, offHeapF, blockG, false, false, 1.0, 0.0);
        }
        return blockG;
    }

    @Benchmark
    public double[] nd4jCopies() {
        offHeapF.data().setData(f);
        wholeG.data().asNioDouble().get(0, gOut);
        return gOut;
    }
}
