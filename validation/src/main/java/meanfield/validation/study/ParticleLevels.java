package meanfield.validation.study;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a particle-number study as an explicit list of independent tasks (a local pool runs
 * them, or a job array, one element per task): level l has N_l = round(from x factor^l) particles,
 * and every level runs seeds 1..K.
 */
public final class ParticleLevels {
    /** One task: a particle run of N particles with one seed, at a level of the study. */
    public record Run(int level, int particles, long seed) {
    }

    private ParticleLevels() {
    }

    /** N per level; refused when a level would not grow (a factor too close to 1) or N overflows an int. */
    public static int[] counts(int from, double factor, int levels) {
        int[] n = new int[levels];
        for (int l = 0; l < levels; l++) {
            double value = Math.rint(from * Math.pow(factor, l));
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("level " + l + " would have " + value + " particles");
            }
            n[l] = (int) value;
            if (l > 0 && n[l] <= n[l - 1]) {
                throw new IllegalArgumentException("level " + l + " would have " + n[l] + " particles, no more than level "
                        + (l - 1));
            }
        }
        return n;
    }

    /** Every (level, seed) pair, level by level and by seed within a level. */
    public static List<Run> runs(int[] counts, int seeds) {
        List<Run> runs = new ArrayList<>();
        for (int l = 0; l < counts.length; l++) {
            for (long s = 1; s <= seeds; s++) {
                runs.add(new Run(l, counts[l], s));
            }
        }
        return List.copyOf(runs);
    }
}
