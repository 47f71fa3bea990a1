package meanfield.validation.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.NeuronCellOverlap;
import meanfield.solvers.model.StepKernel;
import meanfield.solvers.model.SynapticKernel;
import meanfield.solvers.parallel.ColumnPool;

/**
 * The weights w_ij of a network of N neurons, w_ij being the weight from presynaptic j to
 * postsynaptic i (MODEL.md 1.1), with the default labels xi_i = (i + 1/2) / N (0-based i).
 *
 * <p>Storage: for each presynaptic j its outgoing edges (targets ascending), which is what spike
 * propagation walks, and compressed sparse rows (row i = the inputs of neuron i, columns
 * ascending), which the row consumers read ({@link #inputs}, {@link #weight}, {@link #rowProduct},
 * {@link #inDegree}). Each orientation holds an int index and a float weight per synapse: 8 bytes.
 * Float weights are enough: a weight is of order 1/d and its relative rounding (6e-8) is far below
 * the O(d^-1/2) fluctuations of a random network's input; the potentials they are added to stay
 * double. The outgoing lists store their own copy of the weights rather than an index into the
 * rows: same 4 bytes, but delivery reads them contiguously.
 *
 * <p>The outgoing lists always exist. The rows exist from the start when the network is built by
 * rows (dense, nearest labels, a file); a random network (Erdős–Rényi, fixed in-degree) is
 * written straight into its outgoing lists and its rows are built on the first call that reads
 * them, so a simulation, which only delivers spikes, never pays for them (half the memory, and
 * the build's transpose).
 * {@link #scaling} and {@link #stepKernel} read the outgoing lists, so they never build the rows.
 *
 * <p>Random graphs are drawn with one random stream per block of {@link #ROWS_PER_STREAM} lists
 * (rows, or outgoing lists for Erdős–Rényi), seeded from the seed alone, so a graph depends on the
 * seed and not on the thread count.
 */
public final class WeightMatrix {
    /** Lists (rows, or outgoing lists) per random stream when a graph is drawn. */
    public static final int ROWS_PER_STREAM = 1024;
    /** Standard deviations of a block's Erdős–Rényi edge count that its region holds above the mean. */
    static final double SLACK_DEVIATIONS = 5;
    /** Side of the square tiles of a dense network's transpose. */
    private static final int DENSE_TILE = 64;
    /** Lists of the result per tile of a transpose (see transposeTile). */
    private static final int TRANSPOSE_TILE = 4096;
    /** Mixed into the seed so that a network and a simulation given the same seed use unrelated streams. */
    private static final long NETWORK_STREAMS = 0x3C6EF372FE94F82BL;

    private final int n;
    private final int[] outStart;
    private final int[] target;
    private final float[] outWeight;
    /** The rows; null until first read when the network was drawn by outgoing lists (see {@link #rows()}). */
    private volatile Lists rows;

    /**
     * One orientation in compressed form: list r holds index[start[r], start[r + 1]) ascending, with
     * their weights. For rows the index is the presynaptic j, for outgoing lists the postsynaptic i.
     */
    private record Lists(int[] start, int[] index, float[] weight) {
    }

    /** The scaling quantities of MODEL.md 1.1, which the mean-field theory needs bounded (sums) or small (max). */
    public record Scaling(double maxRowSum, double maxColumnSum, double maxWeight, double meanInDegree) {
    }

    /** Takes the outgoing lists, and the rows when known (null: built when first read). */
    private WeightMatrix(int n, Lists rows, Lists outgoing) {
        this.n = n;
        this.rows = rows;
        this.outStart = outgoing.start();
        this.target = outgoing.index();
        this.outWeight = outgoing.weight();
    }

    /** Takes the rows as given (columns ascending within each row) and builds the outgoing lists. */
    private static WeightMatrix fromRows(int n, int[] rowStart, int[] column, float[] weight, ColumnPool pool) {
        Lists rows = new Lists(rowStart, column, weight);
        return new WeightMatrix(n, rows, transpose(rows, n, pool));
    }

    /**
     * The other orientation of n lists over n neurons: entry (r, index[e]) of {@code lists} becomes
     * entry (index[e], r). Each list of the result comes out ascending, because the lists are read in
     * increasing r; deliverSpikes relies on that to find the targets in a range of neurons by
     * bisection, and the rows' binary searches (weight) on their columns. A tile fills few enough
     * lists at a time for their current cache lines to stay in cache (a scatter over all N lists at
     * once is about twice as slow), and tiles write disjoint parts, so they run in parallel with
     * the same result.
     */
    private static Lists transpose(Lists lists, int n, ColumnPool pool) {
        int[] index = lists.index();
        int synapses = lists.start()[n];
        int[] start = new int[n + 1];
        for (int e = 0; e < synapses; e++) {
            start[index[e] + 1]++;
        }
        for (int r = 0; r < n; r++) {
            start[r + 1] += start[r];
        }
        Lists transposed = new Lists(start, new int[synapses], new float[synapses]);
        pool.forEachChunk((n + TRANSPOSE_TILE - 1) / TRANSPOSE_TILE, (worker, from, to) -> {
            for (int tile = from; tile < to; tile++) {
                transposeTile(lists, transposed, n, tile * TRANSPOSE_TILE, Math.min(n, (tile + 1) * TRANSPOSE_TILE));
            }
        });
        return transposed;
    }

    /** Fills the lists [first, last) of {@code out}, the transpose of {@code in}. */
    private static void transposeTile(Lists in, Lists out, int n, int first, int last) {
        int[] inStart = in.start();
        int[] inIndex = in.index();
        float[] inWeight = in.weight();
        int[] outIndex = out.index();
        float[] outValues = out.weight();
        int[] next = Arrays.copyOfRange(out.start(), first, last);
        for (int r = 0; r < n; r++) {
            int end = inStart[r + 1];
            int e = Arrays.binarySearch(inIndex, inStart[r], end, first);
            for (e = e >= 0 ? e : -e - 1; e < end && inIndex[e] < last; e++) {
                int slot = next[inIndex[e] - first]++;
                outIndex[slot] = r;
                outValues[slot] = inWeight[e];
            }
        }
    }

    /**
     * The rows, built from the outgoing lists on first use when the network was drawn by them. Built
     * once under the lock, then read without it (the field is volatile and the arrays are not
     * written after publication); one thread, since the rows do not depend on the thread count.
     */
    private Lists rows() {
        Lists r = rows;
        if (r == null) {
            synchronized (this) {
                r = rows;
                if (r == null) {
                    try (ColumnPool pool = new ColumnPool(1)) {
                        r = transpose(new Lists(outStart, target, outWeight), n, pool);
                    }
                    rows = r;
                }
            }
        }
        return r;
    }

    /** The label of neuron i (0-based): xi_i = (i + 1/2) / N. */
    public static double label(int i, int n) {
        return (i + 0.5) / n;
    }

    /** A network of n neurons drawn from the kernel w as the connectivity says. */
    public static WeightMatrix sample(int n, SynapticKernel kernel, Connectivity connectivity, long seed, int threads) {
        if (kernel instanceof SynapticKernel.Measure measure) {
            if (!(connectivity instanceof Connectivity.NearestLabels nearest)) {
                throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a measure kernel has no value"
                        + " w(xi_i, xi_j) at a pair of labels to sample a network from: its network is nearest-labels");
            }
            return nearestLabels(n, measure, nearest.degree(), threads);
        }
        if (connectivity instanceof Connectivity.NearestLabels) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a nearest-labels network is built"
                    + " from the maps T_k of a measure kernel, and this kernel is not a measure");
        }
        DoubleBinaryOperator w = pointwise(kernel);
        if (connectivity instanceof Connectivity.ErdosRenyi er) {
            return erdosRenyi(n, er.meanInDegree(), w, seed, threads);
        }
        if (connectivity instanceof Connectivity.FixedInDegree fixed) {
            return fixedInDegree(n, fixed.inDegree(), w, seed, threads);
        }
        return dense(n, w, threads);
    }

    /** w(xi, zeta) at a point: a cell-averaged kernel is taken as constant on its cells (never a measure). */
    private static DoubleBinaryOperator pointwise(SynapticKernel kernel) {
        if (kernel instanceof SynapticKernel.Function f) {
            return f.w();
        }
        SynapticKernel.CellAveraged cells = (SynapticKernel.CellAveraged) kernel;
        int m = cells.cells();
        return (xi, zeta) -> cells.value((int) (xi * m), (int) (zeta * m));
    }

    /**
     * w_ij = w(xi_i, xi_j) / N for all i != j: N (N - 1) synapses. Both orientations have the same
     * pattern (everyone but oneself, ascending), so the outgoing lists are the rows' weights moved by a
     * blocked transpose of the N x N array less its diagonal, in tiles of {@link #DENSE_TILE}^2 that
     * stay in cache, instead of the general scatter (two thirds of a dense run at N = 8000, measured
     * with JFR); evaluating w a second time in transposed order was measured as slow as the scatter.
     */
    public static WeightMatrix dense(int n, DoubleBinaryOperator w, int threads) {
        int[] start = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            start[i] = checkedSynapses((long) i * (n - 1));
        }
        int[] column = new int[start[n]];
        float[] weight = new float[start[n]];
        int[] target = new int[start[n]];
        float[] outWeight = new float[start[n]];
        try (ColumnPool pool = new ColumnPool(threads)) {
            pool.forEachChunk(n, (worker, from, to) -> {
                for (int i = from; i < to; i++) {
                    double xi = label(i, n);
                    int e = start[i];
                    for (int j = 0; j < n; j++) {
                        if (j != i) {
                            column[e] = j;
                            target[e] = j;
                            weight[e++] = (float) (w.applyAsDouble(xi, label(j, n)) / n);
                        }
                    }
                }
            });
            int tiles = (n + DENSE_TILE - 1) / DENSE_TILE;
            // Each worker fills whole outgoing lists (a band of presynaptic j), so writes never overlap.
            pool.forEachChunk(tiles, (worker, from, to) -> {
                for (int jt = from; jt < to; jt++) {
                    int j0 = jt * DENSE_TILE;
                    int j1 = Math.min(n, j0 + DENSE_TILE);
                    for (int i0 = 0; i0 < n; i0 += DENSE_TILE) {
                        int i1 = Math.min(n, i0 + DENSE_TILE);
                        for (int j = j0; j < j1; j++) {
                            int out = start[j];
                            for (int i = i0; i < i1; i++) {
                                if (i != j) {
                                    outWeight[out + (i < j ? i : i - 1)] = weight[start[i] + (j < i ? j : j - 1)];
                                }
                            }
                        }
                    }
                }
            });
        }
        // The outgoing lists have the rows' pattern: list j holds every i != j, ascending, as row j does.
        return new WeightMatrix(n, new Lists(start, column, weight), new Lists(start, target, outWeight));
    }

    /**
     * Erdős–Rényi with mean in-degree d: each ordered pair i != j is an edge independently with
     * probability p = d / N, weight w(xi_i, xi_j) / (p N), so that row sums match the dense
     * network in mean. The law is the same read by rows or by columns, so the network is drawn
     * by outgoing lists, which is what a simulation walks, and the rows are built only if read.
     * Edges of a list are found by geometric skips over the N - 1 candidates (one exponential draw
     * per edge, not one uniform per pair).
     *
     * <p>One pass: each block of lists draws straight into its own region of the arrays, sized
     * {@link #SLACK_DEVIATIONS} standard deviations above the block's mean count (the regions
     * depend on N and d only, so the layout does not depend on the thread count); then the
     * regions are moved together in block order, which costs a fraction of drawing everything a
     * second time to count it first. A block that outgrows its region (probability below 1e-6 per
     * block) sends the whole network to {@link #erdosRenyiCounted}, which draws the same edges.
     */
    public static WeightMatrix erdosRenyi(int n, double meanInDegree, DoubleBinaryOperator w, long seed, int threads) {
        return erdosRenyi(n, meanInDegree, w, seed, threads, SLACK_DEVIATIONS);
    }

    /** {@link #erdosRenyi} with the regions' slack as given (tests shrink it to make blocks overflow). */
    static WeightMatrix erdosRenyi(int n, double meanInDegree, DoubleBinaryOperator w, long seed, int threads,
            double slackDeviations) {
        double p = meanInDegree / n;
        if (!(p > 0 && p <= 1)) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "the mean in-degree of an Erdős–Rényi network of " + n
                    + " neurons must lie in (0, " + n + "], got " + meanInDegree);
        }
        long[] seeds = streamSeeds(seed, n);
        int blocks = seeds.length;
        long[] region = new long[blocks + 1];
        for (int s = 0; s < blocks; s++) {
            long candidates = (long) (Math.min(n, (s + 1) * ROWS_PER_STREAM) - s * ROWS_PER_STREAM) * (n - 1);
            double mean = candidates * p;
            double bound = Math.max(0, Math.ceil(mean + slackDeviations * Math.sqrt(mean * (1 - p))) + 16);
            region[s + 1] = region[s] + (long) Math.min(candidates, bound);
        }
        if (region[blocks] > Integer.MAX_VALUE - 8) {
            return erdosRenyiCounted(n, meanInDegree, w, seed, threads);
        }
        int capacity = (int) region[blocks];
        int[] target = new int[capacity];
        float[] outWeight = new float[capacity];
        // outStart[j + 1] is first list j's edge count, then (accumulated) where list j ends once moved.
        int[] outStart = new int[n + 1];
        boolean[] overflow = new boolean[blocks];
        // -log(1 - p); infinity when p = 1, which makes every skip zero: all pairs are edges.
        double missRate = -Math.log1p(-p);
        try (ColumnPool pool = new ColumnPool(threads)) {
            pool.forEachChunk(blocks, (worker, from, to) -> {
                for (int s = from; s < to; s++) {
                    overflow[s] = !drawLists(s, n, meanInDegree, missRate, w, seeds[s], target, outWeight,
                            (int) region[s], (int) region[s + 1], outStart);
                }
            });
        }
        for (boolean full : overflow) {
            if (full) {
                return erdosRenyiCounted(n, meanInDegree, w, seed, threads);
            }
        }
        accumulate(outStart);
        for (int s = 0; s < blocks; s++) {
            // Leftwards (a block's place never lies past its region), so in block order each move
            // only overwrites regions already moved.
            int first = outStart[s * ROWS_PER_STREAM];
            int count = outStart[Math.min(n, (s + 1) * ROWS_PER_STREAM)] - first;
            System.arraycopy(target, (int) region[s], target, first, count);
            System.arraycopy(outWeight, (int) region[s], outWeight, first, count);
        }
        // The slack past the last edge is cleared, so that the arrays are the same for any thread count.
        Arrays.fill(target, outStart[n], capacity, 0);
        Arrays.fill(outWeight, outStart[n], capacity, 0f);
        return new WeightMatrix(n, null, new Lists(outStart, target, outWeight));
    }

    /**
     * Draws the outgoing lists of block s into target and weight from index {@code begin}, each list's
     * edge count into count[j + 1]. Returns false, leaving the block unfinished, if it needs more
     * than {@code limit - begin} edges.
     */
    private static boolean drawLists(int s, int n, double meanInDegree, double missRate, DoubleBinaryOperator w,
            long seed, int[] target, float[] weight, int begin, int limit, int[] count) {
        SplittableRandom random = new SplittableRandom(seed);
        int e = begin;
        for (int j = s * ROWS_PER_STREAM, end = Math.min(n, j + ROWS_PER_STREAM); j < end; j++) {
            double xj = label(j, n);
            int first = e;
            for (long k = skip(random, missRate, n); k < n - 1; k += 1 + skip(random, missRate, n)) {
                if (e == limit) {
                    return false;
                }
                // Candidate k runs over the N - 1 neurons other than j.
                int i = k < j ? (int) k : (int) k + 1;
                target[e] = i;
                weight[e++] = (float) (w.applyAsDouble(label(i, n), xj) / meanInDegree);
            }
            count[j + 1] = e - first;
        }
        return true;
    }

    /**
     * The same network as {@link #erdosRenyi} in two passes over the same streams: the first counts
     * each list's edges, the second draws them again into arrays of the exact size (10^8 synapses
     * take 0.8 GB; a growable copy would double that). For the improbable block that outgrows its
     * region, and for networks whose regions with their slack would not fit in an array.
     */
    static WeightMatrix erdosRenyiCounted(int n, double meanInDegree, DoubleBinaryOperator w, long seed, int threads) {
        long[] seeds = streamSeeds(seed, n);
        double missRate = -Math.log1p(-meanInDegree / n);
        int[] outStart = new int[n + 1];
        try (ColumnPool pool = new ColumnPool(threads)) {
            pool.forEachChunk(seeds.length, (worker, from, to) -> {
                for (int s = from; s < to; s++) {
                    SplittableRandom random = new SplittableRandom(seeds[s]);
                    for (int j = s * ROWS_PER_STREAM, end = Math.min(n, j + ROWS_PER_STREAM); j < end; j++) {
                        int degree = 0;
                        for (long k = skip(random, missRate, n); k < n - 1; k += 1 + skip(random, missRate, n)) {
                            degree++;
                        }
                        outStart[j + 1] = degree;
                    }
                }
            });
            accumulate(outStart);
            int[] target = new int[outStart[n]];
            float[] outWeight = new float[outStart[n]];
            // drawLists reports each list's count again; it is known already, so into scratch.
            int[] count = new int[n + 1];
            pool.forEachChunk(seeds.length, (worker, from, to) -> {
                for (int s = from; s < to; s++) {
                    drawLists(s, n, meanInDegree, missRate, w, seeds[s], target, outWeight,
                            outStart[s * ROWS_PER_STREAM], outStart[Math.min(n, (s + 1) * ROWS_PER_STREAM)], count);
                }
            });
            return new WeightMatrix(n, null, new Lists(outStart, target, outWeight));
        }
    }

    /**
     * The number of failures before the next edge, geometric with success probability p:
     * floor(E / -log(1 - p)) for a standard exponential E (a ziggurat draw, cheaper than the
     * logarithm of a uniform). The cap at N keeps a tiny p from overflowing the candidate index.
     */
    private static long skip(SplittableRandom random, double missRate, int n) {
        return (long) Math.min(n, random.nextExponential() / missRate);
    }

    /**
     * Fixed in-degree d: each neuron draws d distinct presynaptic partners j != i uniformly
     * (Floyd's algorithm, with a mark per candidate kept by each worker), weight w(xi_i, xi_j) / d.
     *
     * <p>Drawn by rows, as the law is, but stored straight into the outgoing lists, which is what a
     * simulation walks; the rows are built only if read. Two passes over the same streams: the
     * first counts how many inputs each neuron sends (per chunk of blocks, so that each chunk
     * knows where its part of every list starts), the second draws the same partners again and
     * writes each synapse into its list. Chunks are ranges of rows in increasing order, so every
     * list comes out ascending and the same for any thread count. Drawing the partners twice costs
     * less than storing the rows and transposing them (twice the memory to allocate, and a pass
     * over all of it).
     */
    public static WeightMatrix fixedInDegree(int n, int inDegree, DoubleBinaryOperator w, long seed, int threads) {
        if (inDegree < 1 || inDegree > n - 1) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "the in-degree of a network of " + n + " neurons must lie in [1, "
                    + (n - 1) + "], got " + inDegree);
        }
        int synapses = checkedSynapses((long) n * inDegree);
        long[] seeds = streamSeeds(seed, n);
        int blocks = seeds.length;
        // next[from]: for the chunk of blocks starting at block `from`, first its count of synapses per
        // presynaptic j, then the slot where its next synapse from j goes.
        int[][] next = new int[blocks][];
        int[] outStart = new int[n + 1];
        try (ColumnPool pool = new ColumnPool(threads)) {
            pool.forEachChunk(blocks, (worker, from, to) -> {
                int[] count = new int[n];
                Partners partners = new Partners(n, inDegree);
                for (int s = from; s < to; s++) {
                    SplittableRandom random = new SplittableRandom(seeds[s]);
                    for (int i = s * ROWS_PER_STREAM, end = Math.min(n, i + ROWS_PER_STREAM); i < end; i++) {
                        int[] js = partners.draw(random, i);
                        for (int k = 0; k < inDegree; k++) {
                            count[js[k]]++;
                        }
                    }
                }
                next[from] = count;
            });
            for (int[] count : next) {
                if (count != null) {
                    for (int j = 0; j < n; j++) {
                        outStart[j + 1] += count[j];
                    }
                }
            }
            accumulate(outStart);
            int[] slot = Arrays.copyOf(outStart, n);
            for (int[] count : next) {
                if (count != null) {
                    for (int j = 0; j < n; j++) {
                        int c = count[j];
                        count[j] = slot[j];
                        slot[j] += c;
                    }
                }
            }
            int[] target = new int[synapses];
            float[] outWeight = new float[synapses];
            pool.forEachChunk(blocks, (worker, from, to) -> {
                int[] free = next[from];
                Partners partners = new Partners(n, inDegree);
                for (int s = from; s < to; s++) {
                    SplittableRandom random = new SplittableRandom(seeds[s]);
                    for (int i = s * ROWS_PER_STREAM, end = Math.min(n, i + ROWS_PER_STREAM); i < end; i++) {
                        int[] js = partners.draw(random, i);
                        double xi = label(i, n);
                        for (int k = 0; k < inDegree; k++) {
                            int j = js[k];
                            int e = free[j]++;
                            target[e] = i;
                            outWeight[e] = (float) (w.applyAsDouble(xi, label(j, n)) / inDegree);
                        }
                    }
                }
            });
            return new WeightMatrix(n, null, new Lists(outStart, target, outWeight));
        }
    }

    /** One worker's draws of d distinct partners j != i (Floyd's algorithm), with its marks and its output. */
    private static final class Partners {
        private final int inDegree;
        /** One per candidate k in [0, N - 1), all false between draws. */
        private final boolean[] marked;
        private final int[] picked;

        Partners(int n, int inDegree) {
            this.inDegree = inDegree;
            this.marked = new boolean[n - 1];
            this.picked = new int[inDegree];
        }

        /**
         * Neuron i's d partners, in the order drawn (a buffer that the next draw overwrites). Candidate
         * k of the N - 1 runs over the neurons other than i.
         */
        int[] draw(SplittableRandom random, int i) {
            int candidates = marked.length;
            for (int k = candidates - inDegree, c = 0; k < candidates; k++, c++) {
                int pick = random.nextInt(k + 1);
                if (marked[pick]) {
                    pick = k;
                }
                marked[pick] = true;
                picked[c] = pick;
            }
            for (int c = 0; c < inDegree; c++) {
                marked[picked[c]] = false;
                picked[c] = picked[c] < i ? picked[c] : picked[c] + 1;
            }
            return picked;
        }
    }

    /**
     * The network of a measure kernel w(xi, d zeta) = sum_k a_k(xi) delta(zeta - T_k(xi)): neuron i
     * receives, for each atom k, from the d neurons j != i whose labels xi_j lie nearest T_k(xi_i) mod 1,
     * each with weight a_k(xi_i) / d. Then neuron i's input from a rate profile r is a_k(xi_i) times the
     * mean of r over a window of width d / N around T_k(xi_i), so with d -&gt; infinity and d / N -&gt; 0 it
     * tends to J(xi_i) = sum_k a_k(xi_i) r(T_k(xi_i)), the row sums are sum_k a_k(xi_i) and the largest
     * weight max |a| / d -&gt; 0 (MODEL.md 1.1's scaling). The window is a block of consecutive indices
     * that does not wrap round the label circle: a target near 0 or 1 takes the d neurons at that end,
     * as the continuum's interpolation (LabelCoupling) does, since labels 0 and 1 are different neurons
     * and r need not be periodic (a wrapped window would average r(0) with r(1) there). No self-loops:
     * when neuron i is among the d nearest (T(xi) = xi, say), the (d+1)-th nearest takes its place, so
     * every atom keeps d inputs and its full weight. Two atoms whose windows overlap give a neuron one
     * synapse with the summed weight; a summed weight of exactly 0 is no synapse. No randomness: the
     * network depends on N, d and the kernel only, and not on the thread count.
     */
    public static WeightMatrix nearestLabels(int n, SynapticKernel.Measure kernel, int degree, int threads) {
        if (degree < 1 || degree > n - 1) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "the in-degree per atom of a"
                    + " nearest-labels network of " + n + " neurons must lie in [1, " + (n - 1) + "], got " + degree);
        }
        int atoms = kernel.size();
        // Weights and windows first, row by row on one thread, so that a weight or map that is not finite
        // is reported at the same (first) neuron for any thread count.
        double[] share = new double[n * atoms];
        int[] first = new int[n * atoms];
        for (int i = 0; i < n; i++) {
            double xi = label(i, n);
            for (int k = 0; k < atoms; k++) {
                double a = kernel.weight(k, xi);
                double zeta = kernel.target(k, xi);
                if (!Double.isFinite(a) || Double.isNaN(zeta)) {
                    throw new InvalidModelException(InvalidModelException.Part.KERNEL, String.format(java.util.Locale.ROOT,
                            "measure[%d]: the %s is not finite at the label xi = %s of neuron %d", k,
                            Double.isFinite(a) ? "map T(xi) = " + kernel.atoms().get(k).map().applyAsDouble(xi)
                                    : "weight a(xi) = " + a, xi, i + 1));
                }
                share[i * atoms + k] = a / degree;
                first[i * atoms + k] = window(zeta, i, n, degree);
            }
        }
        int[] rowStart = new int[n + 1];
        try (ColumnPool pool = new ColumnPool(threads)) {
            int workers = pool.workers();
            double[][] sum = new double[workers][n];
            boolean[][] seen = new boolean[workers][n];
            int[][] touched = new int[workers][atoms * degree];
            // Two passes over the same rows: the first counts each row's synapses, the second stores
            // them, so the arrays are allocated once at their final size.
            pool.forEachChunk(n, (worker, from, to) -> {
                for (int i = from; i < to; i++) {
                    rowStart[i + 1] = nearestRow(i, atoms, degree, share, first, sum[worker], seen[worker],
                            touched[worker]);
                }
            });
            accumulate(rowStart);
            int[] column = new int[rowStart[n]];
            float[] weight = new float[rowStart[n]];
            pool.forEachChunk(n, (worker, from, to) -> {
                for (int i = from; i < to; i++) {
                    int count = nearestRow(i, atoms, degree, share, first, sum[worker], seen[worker], touched[worker]);
                    int[] js = touched[worker];
                    for (int c = 0, e = rowStart[i]; c < count; c++, e++) {
                        column[e] = js[c];
                        weight[e] = (float) sum[worker][js[c]];
                    }
                }
            });
            return fromRows(n, rowStart, column, weight, pool);
        }
    }

    /**
     * The first index of the d neurons j != i nearest the label zeta (neuron j sits at s = zeta N - 1/2
     * in index units): the d + 1 nearest form a block of consecutive indices around s, kept inside
     * [0, N); of those, i is dropped when it is among them (the row skips it), else the end farther
     * from s.
     */
    private static int window(double zeta, int i, int n, int degree) {
        double s = zeta * n - 0.5;
        // The d + 1 consecutive integers nearest s start d/2 - 1/2 below it, rounded down.
        long start = Math.max(0, Math.min(n - 1 - degree, (long) Math.floor(s - (degree - 1) / 2.0)));
        long end = start + degree;
        if (i >= start && i <= end) {
            return (int) start;
        }
        return (int) (Math.abs(s - start) > Math.abs(end - s) ? start + 1 : start);
    }

    /**
     * Row i of the nearest-labels network into the worker's scratch: the distinct presynaptic j in
     * ascending order in touched[0, count) with their summed weights in sum[j]; weights of exactly 0
     * dropped. Returns count.
     */
    private static int nearestRow(int i, int atoms, int degree, double[] share, int[] first, double[] sum,
            boolean[] seen, int[] touched) {
        int count = 0;
        for (int k = 0; k < atoms; k++) {
            double w = share[i * atoms + k];
            int j = first[i * atoms + k];
            // The d neurons from the window's start, i skipped (the block then holds d + 1 indices).
            for (int taken = 0; taken < degree; j++) {
                if (j == i) {
                    continue;
                }
                if (!seen[j]) {
                    seen[j] = true;
                    sum[j] = 0;
                    touched[count++] = j;
                }
                sum[j] += w;
                taken++;
            }
        }
        Arrays.sort(touched, 0, count);
        int kept = 0;
        for (int c = 0; c < count; c++) {
            int j = touched[c];
            // Cleared here, so the scratch is fresh for the next row of either pass.
            seen[j] = false;
            if (sum[j] != 0) {
                touched[kept++] = j;
            }
        }
        return kept;
    }

    /**
     * From entries (row i = postsynaptic, column j = presynaptic, 0-based) in any order, as read
     * from a Matrix Market file; repeated entries are summed and self-loops kept.
     */
    public static WeightMatrix fromTriplets(int rows, int columns, int[] rowIndex, int[] columnIndex, double[] values) {
        if (rows != columns) {
            throw new InvalidModelException(InvalidModelException.Part.KERNEL, "a network's weight matrix must be square, got "
                    + rows + " x " + columns);
        }
        int n = rows;
        int entries = values.length;
        if (rowIndex.length != entries || columnIndex.length != entries) {
            throw new IllegalArgumentException("entries need as many rows, columns and values, got " + rowIndex.length
                    + ", " + columnIndex.length + ", " + entries);
        }
        for (int e = 0; e < entries; e++) {
            if (rowIndex[e] < 0 || rowIndex[e] >= n || columnIndex[e] < 0 || columnIndex[e] >= n) {
                throw new InvalidModelException(InvalidModelException.Part.KERNEL, "entry (" + rowIndex[e] + ", "
                        + columnIndex[e] + ") lies outside the " + n + " x " + n + " weight matrix");
            }
        }
        // Two stable counting sorts, by column then by row, put the entries in row-major order.
        int[] byColumn = countingOrder(columnIndex, identity(entries), n);
        int[] order = countingOrder(rowIndex, byColumn, n);
        int[] rowStart = new int[n + 1];
        int distinct = 0;
        for (int q = 0; q < entries; q++) {
            int e = order[q];
            if (q == 0 || rowIndex[e] != rowIndex[order[q - 1]] || columnIndex[e] != columnIndex[order[q - 1]]) {
                rowStart[rowIndex[e] + 1]++;
                distinct++;
            }
        }
        accumulate(rowStart);
        int[] column = new int[distinct];
        double[] sum = new double[distinct];
        int slot = -1;
        for (int q = 0; q < entries; q++) {
            int e = order[q];
            if (q == 0 || rowIndex[e] != rowIndex[order[q - 1]] || columnIndex[e] != columnIndex[order[q - 1]]) {
                column[++slot] = columnIndex[e];
            }
            sum[slot] += values[e];
        }
        float[] weight = new float[distinct];
        for (int e = 0; e < distinct; e++) {
            weight[e] = (float) sum[e];
        }
        try (ColumnPool pool = new ColumnPool(1)) {
            return fromRows(n, rowStart, column, weight, pool);
        }
    }

    private static int[] identity(int length) {
        int[] order = new int[length];
        Arrays.setAll(order, e -> e);
        return order;
    }

    /** The entries of {@code order} stably sorted by key[entry] in [0, n). */
    private static int[] countingOrder(int[] key, int[] order, int n) {
        int[] start = new int[n + 1];
        for (int e : order) {
            start[key[e] + 1]++;
        }
        accumulate(start);
        int[] sorted = new int[order.length];
        for (int e : order) {
            sorted[start[key[e]]++] = e;
        }
        return sorted;
    }

    /** Counts in a[1..n] become offsets: a[k] = sum of the counts before k. */
    private static void accumulate(int[] a) {
        long total = 0;
        for (int k = 1; k < a.length; k++) {
            total += a[k];
            a[k] = checkedSynapses(total);
        }
    }

    private static int checkedSynapses(long count) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new InvalidModelException(InvalidModelException.Part.PARTICLES, "a network of more than " + (Integer.MAX_VALUE - 8)
                    + " synapses does not fit in arrays, got " + count);
        }
        return (int) count;
    }

    /** One seed per block of rows, drawn in block order from the network seed. */
    private static long[] streamSeeds(long seed, int n) {
        SplittableRandom master = new SplittableRandom(seed ^ NETWORK_STREAMS);
        long[] seeds = new long[(n + ROWS_PER_STREAM - 1) / ROWS_PER_STREAM];
        for (int s = 0; s < seeds.length; s++) {
            seeds[s] = master.nextLong();
        }
        return seeds;
    }

    /** The number of neurons N. */
    public int n() {
        return n;
    }

    public int synapses() {
        return outStart[n];
    }

    public int inDegree(int i) {
        int[] start = rows().start();
        return start[i + 1] - start[i];
    }

    public int outDegree(int j) {
        return outStart[j + 1] - outStart[j];
    }

    /** The presynaptic partners of neuron i, ascending. */
    public int[] inputs(int i) {
        Lists r = rows();
        return Arrays.copyOfRange(r.index(), r.start()[i], r.start()[i + 1]);
    }

    /** The postsynaptic targets of neuron j, ascending (for tests that compare realisations list by list). */
    int[] outputs(int j) {
        return Arrays.copyOfRange(target, outStart[j], outStart[j + 1]);
    }

    /** The weights of {@link #outputs}, in the same order. */
    float[] outputWeights(int j) {
        return Arrays.copyOfRange(outWeight, outStart[j], outStart[j + 1]);
    }

    /** w_ij, 0 where there is no synapse. */
    public double weight(int i, int j) {
        Lists r = rows();
        int e = Arrays.binarySearch(r.index(), r.start()[i], r.start()[i + 1], j);
        return e >= 0 ? r.weight()[e] : 0.0;
    }

    /**
     * sum_j w_ij x[offset + j]: the input neuron i receives when each presynaptic j carries
     * x[offset + j]. One row of W x read in place, for walks over many vectors packed in one array.
     */
    public double rowProduct(int i, double[] x, int offset) {
        Lists r = rows();
        int[] column = r.index();
        float[] weight = r.weight();
        double sum = 0;
        for (int e = r.start()[i], end = r.start()[i + 1]; e < end; e++) {
            sum += weight[e] * x[offset + column[e]];
        }
        return sum;
    }

    /** Memory held by the weights in bytes: the outgoing lists, and the rows if they have been built. */
    public long bytes() {
        long bytes = 4L * outStart.length + 4L * target.length + 4L * outWeight.length;
        Lists r = rows;
        return r == null ? bytes : bytes + 4L * r.start().length + 4L * r.index().length + 4L * r.weight().length;
    }

    /**
     * Adds w_ij to v[i] for every spiking presynaptic j in spiking[0, count) and every
     * postsynaptic i in [from, to). Each v[i] receives its inputs in the order of the list,
     * so a list in a fixed order gives the same sums however [0, N) is split among threads.
     */
    public void deliverSpikes(int[] spiking, int count, double[] v, int from, int to) {
        for (int s = 0; s < count; s++) {
            int j = spiking[s];
            int begin = lowerBound(outStart[j], outStart[j + 1], from);
            int end = lowerBound(begin, outStart[j + 1], to);
            for (int e = begin; e < end; e++) {
                v[target[e]] += outWeight[e];
            }
        }
    }

    /** The first edge in [begin, end) of an outgoing list whose target is >= i. */
    private int lowerBound(int begin, int end, int i) {
        int e = Arrays.binarySearch(target, begin, end, i);
        return e >= 0 ? e : -e - 1;
    }

    /** Read from the outgoing lists alone, so that it never builds the rows. */
    public Scaling scaling() {
        double maxColumnSum = 0;
        double maxWeight = 0;
        // Row sums gathered list by list: each row's terms arrive in increasing j, the order of the row itself.
        double[] rowSum = new double[n];
        for (int j = 0; j < n; j++) {
            double columnSum = 0;
            for (int e = outStart[j]; e < outStart[j + 1]; e++) {
                double a = Math.abs(outWeight[e]);
                columnSum += a;
                rowSum[target[e]] += a;
                maxWeight = Math.max(maxWeight, a);
            }
            maxColumnSum = Math.max(maxColumnSum, columnSum);
        }
        double maxRowSum = 0;
        for (double sum : rowSum) {
            maxRowSum = Math.max(maxRowSum, sum);
        }
        return new Scaling(maxRowSum, maxColumnSum, maxWeight, (double) synapses() / n);
    }

    /**
     * The step kernel on a label grid of {@code cells} cells, w_kl = (M^2 / N) sum of w_ij share(i, k)
     * share(j, l) (MODEL.md 1.2, neurons straddling a cell edge split by {@link NeuronCellOverlap}):
     * what {@link StepKernel#fromEntries} computes, read straight from the outgoing lists (which
     * always exist, so the rows are never built for it) instead of from copies of all entries
     * (N = 10^5 with d = 10^3 would need 1.6 GB of copies).
     */
    public SynapticKernel.CellAveraged stepKernel(int cells) {
        StepKernel.Accumulator w = new StepKernel.Accumulator(NeuronCellOverlap.of(n, cells), n);
        for (int j = 0; j < n; j++) {
            for (int e = outStart[j]; e < outStart[j + 1]; e++) {
                w.add(target[e], j, outWeight[e]);
            }
        }
        return w.kernel();
    }
}
