package meanfield.solvers.run;

import java.util.Arrays;

/**
 * Ints, longs and doubles written into one double[] exactly (the state of a
 * {@link Checkpoint}), and read back in the same order.
 *
 * <p>An int is stored as its value (every int is a double). A long is stored as two such values, its
 * upper 32 bits (signed) and its lower 32 bits (unsigned), not as the double with its bits: about
 * one long in 2000 would then be a NaN, and a NaN does not keep its bits through every writer
 * ({@code DataOutputStream.writeDouble} replaces it by the canonical NaN; the app's checkpoint files
 * keep raw bits, other writers may not). Doubles are stored as they are.
 */
public final class PackedState {
    private PackedState() {
    }

    /** Appends values; {@link #toArray} gives the packed state. */
    public static final class Writer {
        private double[] values;
        private int size;

        /** @param expected the values it will hold, so that a large state is not copied as it grows */
        public Writer(int expected) {
            values = new double[Math.max(16, expected)];
        }

        private void ensure(int more) {
            if (size + more > values.length) {
                values = Arrays.copyOf(values, Math.max(size + more, 2 * values.length));
            }
        }

        public void putInt(int value) {
            ensure(1);
            values[size++] = value;
        }

        public void putLong(long value) {
            ensure(2);
            values[size++] = (int) (value >> 32);
            values[size++] = value & 0xffffffffL;
        }

        public void putDouble(double value) {
            ensure(1);
            values[size++] = value;
        }

        public void putInts(int[] from, int count) {
            ensure(count);
            for (int i = 0; i < count; i++) {
                values[size++] = from[i];
            }
        }

        public void putLongs(long[] from) {
            for (long value : from) {
                putLong(value);
            }
        }

        public void putDoubles(double[] from, int count) {
            ensure(count);
            System.arraycopy(from, 0, values, size, count);
            size += count;
        }

        public double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Reads what a {@link Writer} wrote, in the same order; anything else is an IllegalArgumentException. */
    public static final class Reader {
        private final double[] values;
        private int position;

        public Reader(double[] values) {
            this.values = values;
        }

        private double next() {
            if (position >= values.length) {
                throw new IllegalArgumentException("the packed state ends after " + values.length + " values");
            }
            return values[position++];
        }

        public int getInt() {
            return (int) toInt(next(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        public long getLong() {
            long high = toInt(next(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            long low = toInt(next(), 0, 0xffffffffL);
            return high << 32 | low;
        }

        public double getDouble() {
            return next();
        }

        public void getInts(int[] into, int count) {
            for (int i = 0; i < count; i++) {
                into[i] = getInt();
            }
        }

        public void getLongs(long[] into) {
            for (int i = 0; i < into.length; i++) {
                into[i] = getLong();
            }
        }

        public void getDoubles(double[] into, int count) {
            if (count > values.length - position) {
                throw new IllegalArgumentException("the packed state ends after " + values.length + " values");
            }
            System.arraycopy(values, position, into, 0, count);
            position += count;
        }

        /** Fails unless every value has been read: a longer state is another run's. */
        public void expectEnd() {
            if (position != values.length) {
                throw new IllegalArgumentException("the packed state holds " + values.length + " values, "
                        + position + " were expected");
            }
        }

        private long toInt(double value, long min, long max) {
            if (!(value >= min && value <= max) || value != Math.rint(value)) {
                throw new IllegalArgumentException("value " + (position - 1) + " of the packed state, " + value
                        + ", is not an integer in [" + min + ", " + max + "]");
            }
            return (long) value;
        }
    }
}
