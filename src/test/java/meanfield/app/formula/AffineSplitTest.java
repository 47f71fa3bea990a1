package meanfield.app.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drift formulas split symbolically into slope and intercept in v, and those that cannot be. */
class AffineSplitTest {
    @ParameterizedTest
    @ValueSource(strings = {"-v + 1.0 + 0.3*sin(2*pi*xi)", "(-(v - 0.2)/0.02 + 3*t)*2", "J0*v - v/tau + exp(-t)*xi",
        "v^1 * cos(xi) - 4", "-(v)", "2.5", "(1 + xi) * (v - 1) / (2 + t)"})
    void affineFormulasSplitIntoTheirOwnValues(String text) {
        Formula mu = Formula.compile("nif.drift", text, Map.of("J0", 1.5, "tau", 0.02), "t", "v", "xi");
        Formula.Affine split = mu.affineIn("v").orElseThrow(() -> new AssertionError(text + " is affine in v"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double t = random.nextDouble(0, 5);
            double v = random.nextDouble(-3, 3);
            double xi = random.nextDouble();
            double expected = mu.value(t, v, xi);
            double got = split.slope().value(t, 0, xi) * v + split.intercept().value(t, 0, xi);
            assertEquals(expected, got, 1e-12 * (1 + Math.abs(expected)), text + " at " + t + ", " + v + ", " + xi);
            // The coefficients do not depend on the v they are handed.
            assertEquals(split.slope().value(t, 0, xi), split.slope().value(t, v, xi));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v*v", "v^2", "exp(v)", "1/v", "xi/(1 + v)", "sin(v) + 1", "max(v, 0)", "v*v - v*v"})
    void formulasThatAreNotAffineAsWrittenHaveNoSplit(String text) {
        assertTrue(Formula.compile("nif.drift", text, "t", "v", "xi").affineIn("v").isEmpty(), text);
    }
}
