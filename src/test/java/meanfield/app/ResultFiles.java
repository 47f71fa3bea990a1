package meanfield.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/** Reads every dataset of a result file flat, to compare two runs bit for bit. */
final class ResultFiles {
    private ResultFiles() {
    }

    static Map<String, double[]> datasets(Path file) {
        Map<String, double[]> all = new TreeMap<>();
        try (HdfFile h5 = new HdfFile(file)) {
            for (Node node : h5) {
                if (node instanceof Dataset d && d.getDataFlat() instanceof double[] values) {
                    all.put(node.getName(), values);
                }
            }
        }
        return all;
    }

    /** Same datasets with the same bits (NaN included). */
    static void assertIdentical(Path expected, Path actual) {
        Map<String, double[]> a = datasets(expected);
        Map<String, double[]> b = datasets(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            long[] bitsA = bits(a.get(name));
            long[] bitsB = bits(b.get(name));
            assertArrayEquals(bitsA, bitsB, "dataset " + name + " differs");
        }
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
