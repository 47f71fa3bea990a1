package meanfield.validation.random;

/**
 * Walker's alias table (Vose's construction): draws index k with probability w_k / sum w in O(1)
 * after O(n) set-up, with one uniform index and one uniform double per draw. Zero weights are
 * never drawn. Used for sampling initial data on cells (MV, TOPO) and the partner's rank of a
 * topological interaction. It draws from a {@link SplitMix64}, whose state a checkpoint can hold.
 */
public final class AliasTable {
    /**
     * Column k at 2k and 2k + 1: the probability of keeping k rather than taking its alias, and the
     * alias (exact as a double). Side by side, a draw from a large table misses the cache once.
     */
    private final double[] column;

    public AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("an alias table needs at least one weight");
        }
        if (n > (Integer.MAX_VALUE - 8) / 2) {
            throw new IllegalArgumentException(n + " weights are more than an alias table holds");
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("weight " + k + " is " + weights[k] + ", not finite and >= 0");
            }
            sum += weights[k];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the weights of an alias table must not all be zero");
        }
        double[] keep = new double[n];
        int[] alias = new int[n];
        // Columns scaled to mean 1: those below 1 are topped up from those above, one donor at a time.
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int k = 0; k < n; k++) {
            scaled[k] = weights[k] * n / sum;
            if (scaled[k] < 1) {
                small[smallCount++] = k;
            } else {
                large[largeCount++] = k;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        // What is left is 1 up to round-off: those columns keep themselves.
        while (largeCount > 0) {
            int l = large[--largeCount];
            keep[l] = 1;
            alias[l] = l;
        }
        while (smallCount > 0) {
            int s = small[--smallCount];
            // Only a positive weight can be left short by round-off; a zero weight always takes an alias.
            keep[s] = weights[s] > 0 ? 1 : 0;
            alias[s] = weights[s] > 0 ? s : largestWeight(weights);
        }
        column = new double[2 * n];
        for (int k = 0; k < n; k++) {
            column[2 * k] = keep[k];
            column[2 * k + 1] = alias[k];
        }
    }

    private static int largestWeight(double[] weights) {
        int best = 0;
        for (int k = 1; k < weights.length; k++) {
            if (weights[k] > weights[best]) {
                best = k;
            }
        }
        return best;
    }

    public int size() {
        return column.length / 2;
    }

    /** An index drawn with probability proportional to its weight. */
    public int sample(SplitMix64 random) {
        int k = random.nextInt(column.length / 2);
        return random.nextDouble() < column[2 * k] ? k : (int) column[2 * k + 1];
    }
}
