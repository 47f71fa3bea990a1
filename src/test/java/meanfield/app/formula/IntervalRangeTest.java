package meanfield.app.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interval enclosures of formulas: rigorous at every sampled point, and tight where a rate needs it. */
class IntervalRangeTest {
    @Test
    void aSigmoidRateIsBoundedByItsMaximum() {
        double[] range = Formula.compile("nif.rate", "4/(1+exp(-(v-0.8)/0.15))", "v").range(Map.of());
        assertTrue(range[1] >= 4 && range[1] < 4 * (1 + 1e-13), "upper bound " + range[1]);
        assertTrue(range[0] <= 0 && range[0] > -1e-13, "lower bound " + range[0]);
    }

    @Test
    void anExponentialRateHasNoFiniteBound() {
        assertEquals(Double.POSITIVE_INFINITY, Formula.compile("nif.rate", "0.5*exp((v-1)/0.2)", "v").range(Map.of())[1]);
    }

    @Test
    void parametersAreFixedValuesAndNamedRangesAreKept() {
        Formula f = Formula.compile("k", "J0*tanh(v) + 0.3*sin(2*pi*xi)", Map.of("J0", 2.0), "v", "xi");
        double[] range = f.range(Map.of("xi", new double[] {0, 1}));
        assertTrue(range[0] <= -2.3 && range[0] > -2.3 - 1e-12 && range[1] >= 2.3 && range[1] < 2.3 + 1e-12,
                java.util.Arrays.toString(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4/(1+exp(-(v-0.8)/0.15))", "v^2 - 3*v", "abs(v)/(1+v^2)", "min(v, 2) + max(-v, 1)",
        "sqrt(abs(v)) * cos(v)", "2^(-v^2)", "log(1 + v^2) - tanh(3*v)", "step(v - 1) * 5 + cosh(v/10)",
        "(v - 1)/(2 + sin(v))", "-v^3 + atan(v)"})
    void everySampledValueLiesInTheEnclosure(String text) {
        Formula f = Formula.compile("f", text, "v");
        double[] range = f.range(Map.of());
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20000; i++) {
            double v = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-3, 4));
            double value = f.value(v);
            assertTrue(value >= range[0] && value <= range[1], text + " at v = " + v + ": " + value + " outside ["
                    + range[0] + ", " + range[1] + "]");
        }
    }
}
