package meanfield.benchmarks;

import java.util.Arrays;

/**
 * The STREAM triad a[i] = b[i] + s c[i]: the memory-bandwidth yardstick for kernels that
 * stream double[] state. Bytes are counted as STREAM counts them, two arrays read and one
 * written per element; the extra read of a that write-allocate caches do is not counted,
 * so the figure is comparable with published STREAM results.
 */
final class StreamTriad {
    static final int BYTES_PER_ELEMENT = 3 * Double.BYTES;
    /** Three arrays of 128 MiB: 384 MiB in all, above the 300 MiB L3 the benchmark VM reports. */
    static final int BEYOND_CACHE_KIB = 128 * 1024;
    private static final double SCALAR = 3.0;

    private final double[] a;
    private final double[] b;
    private final double[] c;

    /** Three arrays of {@code length} doubles each. */
    StreamTriad(int length) {
        a = new double[length];
        b = new double[length];
        c = new double[length];
        // Writing every element commits the pages now, so no timed pass pays for first touch.
        Arrays.fill(a, 1.0);
        Arrays.fill(b, 2.0);
        Arrays.fill(c, 0.5);
    }

    /** Three arrays of {@code kib} KiB each. */
    static StreamTriad ofKib(int kib) {
        return new StreamTriad(kib * 1024 / Double.BYTES);
    }

    /** One pass; a's new values depend only on b and c, so repeated passes do the same work. */
    void run() {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + SCALAR * c[i];
        }
    }

    long bytesPerRun() {
        return (long) BYTES_PER_ELEMENT * a.length;
    }

    /** Total size of the three arrays in MiB. */
    double mebibytes() {
        return 3.0 * a.length * Double.BYTES / (1 << 20);
    }

    /**
     * Bandwidth in GB/s (1e9 bytes) from a plain timed loop: passes run for {@code warmupSeconds}
     * to let the JIT compile the loop, then the average over {@code seconds} of passes.
     */
    double gigabytesPerSecond(double warmupSeconds, double seconds) {
        runFor(warmupSeconds);
        long start = System.nanoTime();
        long passes = runFor(seconds);
        double elapsed = (System.nanoTime() - start) * 1e-9;
        return passes * bytesPerRun() / elapsed * 1e-9;
    }

    private long runFor(double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long passes = 0;
        do {
            run();
            passes++;
        } while (System.nanoTime() < deadline);
        return passes;
    }
}
