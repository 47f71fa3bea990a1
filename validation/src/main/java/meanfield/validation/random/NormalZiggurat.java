package meanfield.validation.random;

/**
 * Standard normal draws by the 128-layer ziggurat of Marsaglia and Tsang in Doornik's form
 * (J. A. Doornik, "An improved ziggurat method to generate normal random samples", 2005): the layer
 * index and the uniform come from disjoint bits of one {@code nextLong}, which removes the
 * correlation of the original. It exists because the JDK's own ziggurat
 * ({@code RandomGenerator.nextGaussian}) is too large for the JIT to inline into the per-neuron loop;
 * here the common case (about 98.8 % of draws) is a few instructions and the rest is a separate method.
 */
public final class NormalZiggurat {
    private static final int LAYERS = 128;
    /** The start of the tail, and the area of each layer. */
    private static final double R = 3.442619855899;
    private static final double AREA = 9.91256303526217e-3;
    private static final double[] X = new double[LAYERS + 1];
    /** X[i + 1] / X[i]: a uniform in (-RATIO[i], RATIO[i]) lies inside layer i's rectangle. */
    private static final double[] RATIO = new double[LAYERS];

    static {
        double f = Math.exp(-0.5 * R * R);
        X[0] = AREA / f;
        X[1] = R;
        X[LAYERS] = 0;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = Math.sqrt(-2 * Math.log(AREA / X[i - 1] + f));
            f = Math.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
        }
    }

    private NormalZiggurat() {
    }

    public static double next(SplitMix64 random) {
        long bits = random.nextLong();
        int layer = (int) bits & (LAYERS - 1);
        // The top 53 bits as a uniform on [-1, 1).
        double u = (bits >>> 11) * 0x1.0p-52 - 1;
        if (Math.abs(u) < RATIO[layer]) {
            return u * X[layer];
        }
        return slow(random, layer, u);
    }

    /** The draws outside the layers' inner rectangles: the tail beyond R, or a wedge test. */
    private static double slow(SplitMix64 random, int layer, double u) {
        while (true) {
            if (layer == 0) {
                double x;
                double y;
                do {
                    x = Math.log(1 - random.nextDouble()) / R;
                    y = Math.log(1 - random.nextDouble());
                } while (-2 * y < x * x);
                return u < 0 ? x - R : R - x;
            }
            double x = u * X[layer];
            double f0 = Math.exp(-0.5 * (X[layer] * X[layer] - x * x));
            double f1 = Math.exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
            if (f1 + random.nextDouble() * (f0 - f1) < 1.0) {
                return x;
            }
            long bits = random.nextLong();
            layer = (int) bits & (LAYERS - 1);
            u = (bits >>> 11) * 0x1.0p-52 - 1;
            if (Math.abs(u) < RATIO[layer]) {
                return u * X[layer];
            }
        }
    }
}
