package meanfield.app.sweep;

import meanfield.app.problem.ProblemException;

/**
 * {@code --shard I/N}: the tasks with index i (from 0) where i mod N = I - 1. Shard numbers start at
 * 1 as Slurm's array indices do; the shards of one N partition the task list, so concurrent shards
 * never run (nor write) the same task.
 */
record Shard(int number, int count) {
    static final Shard ALL = new Shard(1, 1);

    static Shard parse(String text) {
        if (text == null) {
            return ALL;
        }
        String[] parts = text.split("/", -1);
        int i;
        int n;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            i = Integer.parseInt(parts[0].trim());
            n = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new ProblemException("--shard", "expected I/N with whole numbers, e.g. 2/8, got '" + text + "'");
        }
        if (n < 1 || i < 1 || i > n) {
            throw new ProblemException("--shard", "I/N needs 1 <= I <= N, got " + text);
        }
        return new Shard(i, n);
    }

    boolean contains(int index) {
        return index % count == number - 1;
    }

    boolean whole() {
        return count == 1;
    }
}
