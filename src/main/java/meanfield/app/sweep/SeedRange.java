package meanfield.app.sweep;

import java.util.ArrayList;
import java.util.List;

import meanfield.app.problem.ProblemException;

/** {@code --seeds A-B} (or a single seed A): the seeds a simulate or validate sweep runs, A to B inclusive. */
final class SeedRange {
    /** More seeds than this is surely a typo (1-100000000), not an ensemble. */
    private static final long MAX_SEEDS = 100_000;

    private SeedRange() {
    }

    static List<Long> parse(String text) {
        if (text == null) {
            return List.of();
        }
        String[] parts = text.trim().split("-", -1);
        long a;
        long b;
        try {
            if (parts.length > 2) {
                throw new NumberFormatException();
            }
            a = Long.parseLong(parts[0].trim());
            b = parts.length == 2 ? Long.parseLong(parts[1].trim()) : a;
        } catch (NumberFormatException e) {
            throw new ProblemException("--seeds", "expected A-B with whole numbers, e.g. 1-8, got '" + text + "'");
        }
        if (a < 0 || b < a) {
            throw new ProblemException("--seeds", "A-B needs 0 <= A <= B, got " + text);
        }
        if (b - a + 1 > MAX_SEEDS) {
            throw new ProblemException("--seeds", "at most " + MAX_SEEDS + " seeds, got " + text);
        }
        List<Long> seeds = new ArrayList<>();
        for (long s = a; s <= b; s++) {
            seeds.add(s);
        }
        return seeds;
    }
}
