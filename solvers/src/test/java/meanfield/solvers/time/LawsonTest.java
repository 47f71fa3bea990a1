package meanfield.solvers.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LawsonTest {
    /** TwoModes that records the durations it is asked to propagate by, and optionally drops N. */
    private static final class Recording implements DiagonalSplitSystem {
        private final TwoModes modes = new TwoModes();
        private final boolean linearOnly;
        final List<Double> durations = new ArrayList<>();

        Recording(boolean linearOnly) {
            this.linearOnly = linearOnly;
        }

        @Override
        public int size() {
            return modes.size();
        }

        @Override
        public void propagate(double dt, double[] in, double[] out) {
            durations.add(dt);
            modes.propagate(dt, in, out);
        }

        @Override
        public void explicitPart(double[] y, double[] out) {
            if (linearOnly) {
                Arrays.fill(out, 0.0);
            } else {
                modes.explicitPart(y, out);
            }
        }
    }

    static Stream<Named<Scheme>> lawsonSchemes() {
        return Schemes.all().stream().filter(s -> s.form() == SplitForm.DIAGONAL_SPLIT)
                .map(s -> Named.of(s.name(), s));
    }

    @Test
    void onTheClassicalTableauItIsLawsonRk4() {
        Lawson generic = new Lawson(new TwoModes(), Tableaux.RK4);
        LawsonRk4 dedicated = new LawsonRk4(new TwoModes());
        double[] a = TwoModes.START.clone();
        double[] b = TwoModes.START.clone();
        double[] nextA = new double[4];
        double[] nextB = new double[4];
        double dt = 0.05;
        for (int s = 0; s < 20; s++) {
            generic.step(s * dt, dt, a, nextA);
            dedicated.step(s * dt, dt, b, nextB);
            System.arraycopy(nextA, 0, a, 0, 4);
            System.arraycopy(nextB, 0, b, 0, 4);
        }
        double scale = Math.max(Math.max(Math.abs(b[0]), Math.abs(b[1])), Math.max(Math.abs(b[2]), Math.abs(b[3])));
        for (int i = 0; i < 4; i++) {
            assertEquals(b[i], a[i], 1e-14 * scale, "unknown " + i);
        }
    }

    @Test
    void onTheClassicalTableauItPropagatesFiveTimesByHalfASteps() {
        Recording system = new Recording(false);
        new Lawson(system, Tableaux.RK4).step(0.0, 0.1, TwoModes.START, new double[4]);
        assertEquals(List.of(0.05, 0.05, 0.05, 0.05, 0.05), system.durations);
    }

    @Test
    void aLastStageThatIsTheStepGivesTheStepWithOrWithoutEmbeddedWeights() {
        ButcherTableau embedded = Tableaux.DORMAND_PRINCE;
        ButcherTableau plain = new ButcherTableau(embedded.a(), embedded.b(), embedded.c());
        double[] a = new double[4];
        double[] b = new double[4];
        new Lawson(new TwoModes(), embedded).step(0.0, 0.1, TwoModes.START, a);
        new Lawson(new TwoModes(), plain).step(0.0, 0.1, TwoModes.START, b);
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void refusesAbscissasThatDecrease() {
        assertThrows(IllegalArgumentException.class, () -> new Lawson(new TwoModes(), Tableaux.SSP_RK3));
    }

    @ParameterizedTest
    @MethodSource("lawsonSchemes")
    void neverPropagatesBackwards(Scheme scheme) {
        Recording system = new Recording(false);
        scheme.build(system).step(0.0, 0.1, TwoModes.START, new double[4]);
        assertTrue(!system.durations.isEmpty() && system.durations.stream().allMatch(d -> d >= 0),
                "durations " + system.durations);
    }

    /** With N = 0 every stage and the step are the linear flow, so any wrong duration would show. */
    @ParameterizedTest
    @MethodSource("lawsonSchemes")
    void withoutExplicitPartAStepIsTheExactLinearFlow(Scheme scheme) {
        Recording system = new Recording(true);
        double dt = 0.07;
        double[] out = new double[4];
        double estimate = scheme.build(system).step(0.0, dt, TwoModes.START, out);
        double[] exact = new double[4];
        new TwoModes().propagate(dt, TwoModes.START, exact);
        for (int i = 0; i < 4; i++) {
            assertEquals(exact[i], out[i], 1e-15, "unknown " + i);
        }
        assertTrue(estimate <= 1e-15, "error estimate " + estimate);
    }
}
