package meanfield.solvers.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ColumnPoolTest {
    @Test
    void everyColumnRunsOnceInItsWorkersContiguousChunkForAnyColumnAndThreadCount() {
        for (int threads = 1; threads <= 4; threads++) {
            try (ColumnPool pool = new ColumnPool(threads)) {
                for (int columns = 0; columns <= 9; columns++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(columns, 1));
                    AtomicIntegerArray workerOf = new AtomicIntegerArray(Math.max(columns, 1));
                    int expectedWorkers = Math.min(threads, columns);
                    pool.forEachChunk(columns, (worker, from, to) -> {
                        for (int c = from; c < to; c++) {
                            runs.incrementAndGet(c);
                            workerOf.set(c, worker);
                        }
                    });
                    for (int c = 0; c < columns; c++) {
                        assertEquals(1, runs.get(c), "column " + c + " of " + columns + " on " + threads + " threads");
                        // Chunk w is [w columns / chunks, (w + 1) columns / chunks), rounded down.
                        int owner = 0;
                        while ((owner + 1) * columns / expectedWorkers <= c) {
                            owner++;
                        }
                        assertEquals(owner, workerOf.get(c), "worker of column " + c);
                    }
                }
            }
        }
    }

    @Test
    void manyShortCallsInARowAllComplete() {
        try (ColumnPool pool = new ColumnPool(3)) {
            long[] sums = new long[3];
            for (int call = 0; call < 20_000; call++) {
                pool.forEachChunk(3, (worker, from, to) -> sums[worker] += to - from);
            }
            assertEquals(20_000, sums[0]);
            assertEquals(20_000, sums[1]);
            assertEquals(20_000, sums[2]);
        }
    }

    @Test
    void aFailureInAHelpersChunkReachesTheCallerAndThePoolStaysUsable() {
        try (ColumnPool pool = new ColumnPool(2)) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> pool.forEachChunk(2, (worker, from, to) -> {
                        if (worker == 1) {
                            throw new IllegalArgumentException("column " + from);
                        }
                    }));
            assertEquals("column 1", thrown.getMessage());
            int[] count = new int[1];
            pool.forEachChunk(2, (worker, from, to) -> {
                if (worker == 0) {
                    count[0] += to - from;
                }
            });
            assertEquals(1, count[0]);
        }
    }

    @Test
    void aNestedCallIsRefusedRatherThanRunWithTheHelpersBusy() {
        try (ColumnPool pool = new ColumnPool(2)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> pool.forEachChunk(2, (worker, from, to) -> {
                        if (worker == 0) {
                            pool.forEachChunk(2, (w, f, t) -> {
                            });
                        }
                    }));
            assertTrue(thrown.getMessage().contains("nested"), thrown.getMessage());
        }
    }

    @Test
    void aClosedPoolRefusesWork() {
        ColumnPool pool = new ColumnPool(2);
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.forEachChunk(4, (worker, from, to) -> {
        }));
    }
}
