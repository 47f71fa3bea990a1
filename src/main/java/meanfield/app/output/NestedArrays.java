package meanfield.app.output;

import java.lang.reflect.Array;

/** Row-major flat data as the nested Java arrays that jHDF writes as n-dimensional datasets. */
final class NestedArrays {
    private NestedArrays() {
    }

    /** flat (row-major, last index fastest) as double[d0][d1]...; a single dimension gives double[d0]. */
    static Object of(double[] flat, int... dims) {
        int total = 1;
        for (int d : dims) {
            total *= d;
        }
        if (total != flat.length) {
            throw new IllegalArgumentException(flat.length + " values cannot fill " + java.util.Arrays.toString(dims));
        }
        return fill(flat, 0, dims, 0);
    }

    /** flat whole numbers as long[d0][d1]...: how an integer variable is written. */
    static Object ofIntegers(double[] flat, int... dims) {
        long[] whole = new long[flat.length];
        for (int i = 0; i < flat.length; i++) {
            whole[i] = (long) flat[i];
        }
        int total = 1;
        for (int d : dims) {
            total *= d;
        }
        if (total != flat.length) {
            throw new IllegalArgumentException(flat.length + " values cannot fill " + java.util.Arrays.toString(dims));
        }
        return fill(whole, 0, dims, 0);
    }

    private static Object fill(Object flat, int offset, int[] dims, int level) {
        Class<?> element = flat.getClass().getComponentType();
        if (level == dims.length - 1) {
            Object row = Array.newInstance(element, dims[level]);
            System.arraycopy(flat, offset, row, 0, dims[level]);
            return row;
        }
        int[] inner = java.util.Arrays.copyOfRange(dims, level, dims.length);
        Object array = Array.newInstance(element, inner);
        int stride = 1;
        for (int a = level + 1; a < dims.length; a++) {
            stride *= dims[a];
        }
        for (int i = 0; i < dims[level]; i++) {
            Array.set(array, i, fill(flat, offset + i * stride, dims, level + 1));
        }
        return array;
    }

    /** The arrays laid end to end. */
    static double[] concatenate(java.util.List<double[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[total];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
