package meanfield.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import meanfield.app.output.DataTable;
import meanfield.app.output.FinalArray;
import meanfield.app.problem.ProblemException;

/**
 * The arrays {@code --collect} names, each stacked over the tasks in task order: a task's array at
 * its run's last output time (see {@link FinalArray}), NaN for a task not done or without it. Tasks
 * whose arrays differ in shape (a varied grid size) are padded with NaN at the end of each axis to
 * the largest. A name that no done task has is refused (status 2, naming --collect).
 */
final class CollectedArrays {
    /** Datasets are named this prefix plus the array's name ('/' as '_'). */
    static final String PREFIX = "collected_";

    /** One collected array: shape (task, ...) in row-major order. */
    record Stack(String name, List<String> dims, int[] shape, double[] values, String units, String longName) {
    }

    private CollectedArrays() {
    }

    static List<Stack> read(SweepDefinition definition, Path sweepDirectory, SweepTable table) {
        TaskRunner locator = new TaskRunner(definition, sweepDirectory);
        List<Stack> stacks = new ArrayList<>();
        for (String name : definition.collect()) {
            List<FinalArray> arrays = new ArrayList<>();
            int done = 0;
            FinalArray first = null;
            for (SweepTable.Row r : table.rows()) {
                FinalArray a = null;
                if (r.status() == TaskStatus.DONE) {
                    done++;
                    a = FinalArray.read(locator.directory(r.task()).run(), name);
                }
                if (a != null && first == null) {
                    first = a;
                }
                arrays.add(a);
            }
            if (first == null && done > 0) {
                throw new ProblemException("--collect", "no done task has a numeric array '" + name + "' in its data"
                        + " files (tasks/<name>/run/*.h5 or *.zarr); collect an array they hold, e.g. rate");
            }
            stacks.add(stack(name, first, arrays));
        }
        return stacks;
    }

    private static Stack stack(String name, FinalArray first, List<FinalArray> arrays) {
        int n = arrays.size();
        int rank = first == null ? 0 : first.shape().length;
        int[] inner = new int[rank];
        for (FinalArray a : arrays) {
            if (a == null) {
                continue;
            }
            if (a.shape().length != rank) {
                throw new ProblemException("--collect", "'" + name + "' has " + rank + " axes in one task and "
                        + a.shape().length + " in another");
            }
            for (int d = 0; d < rank; d++) {
                inner[d] = Math.max(inner[d], a.shape()[d]);
            }
        }
        int size = 1;
        for (int d : inner) {
            size *= d;
        }
        double[] values = new double[n * size];
        Arrays.fill(values, Double.NaN);
        for (int t = 0; t < n; t++) {
            FinalArray a = arrays.get(t);
            if (a == null) {
                continue;
            }
            int count = a.values().length;
            for (int i = 0; i < count; i++) {
                // The i-th value of the task's shape, placed at the same index in the padded shape.
                int rest = i;
                int at = 0;
                int stride = 1;
                for (int d = rank - 1; d >= 0; d--) {
                    int index = rest % a.shape()[d];
                    rest /= a.shape()[d];
                    at += index * stride;
                    stride *= inner[d];
                }
                values[t * size + at] = a.values()[i];
            }
        }
        int[] shape = new int[rank + 1];
        shape[0] = n;
        System.arraycopy(inner, 0, shape, 1, rank);
        List<String> dims = new ArrayList<>();
        dims.add("task");
        if (first != null) {
            dims.addAll(first.dims());
        }
        String when = first != null && !Double.isNaN(first.time()) ? " at the last output time" : "";
        return new Stack(PREFIX + name.replace('/', '_'), dims, shape, values, first == null ? "1" : first.units(),
                (first == null ? name : first.longName()) + when + ", per task (NaN: not done or without it)");
    }

    /** Adds the stacks to the sweep's data file. */
    static void addTo(DataTable data, List<Stack> stacks) {
        for (Stack s : stacks) {
            data.numbers(s.name(), s.units(), s.longName(), s.values(), s.shape(), s.dims().toArray(String[]::new));
        }
    }
}
