package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class BernoulliTest {

    /** x / (e^x - 1) in 40-digit arithmetic from the exponential series. */
    private static double reference(double x) {
        MathContext mc = new MathContext(40);
        BigDecimal bx = new BigDecimal(x);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal expm1 = BigDecimal.ZERO;
        for (int n = 1; n < 200; n++) {
            term = term.multiply(bx, mc).divide(BigDecimal.valueOf(n), mc);
            expm1 = expm1.add(term, mc);
        }
        return bx.divide(expm1, mc).doubleValue();
    }

    @Test
    void matchesXOverExpm1ToTwoUlpsOnBothSidesOfTheSeriesSwitch() {
        for (double x = -8; x <= 8; x += 0.03125 * Math.PI) {
            double expected = reference(x);
            assertEquals(expected, NifFiniteVolume.bernoulli(x), 2e-15 * Math.abs(expected), "x = " + x);
        }
        assertEquals(1.0, NifFiniteVolume.bernoulli(0.0), 0.0);
        assertEquals(reference(0.4999999), NifFiniteVolume.bernoulli(0.4999999), 2e-15);
        assertEquals(reference(-0.5), NifFiniteVolume.bernoulli(-0.5), 2e-15 * 1.3);
    }

    @Test
    void satisfiesTheReflectionUsedForTheUpwindCoefficient() {
        for (double x : new double[] {-30, -3, -0.7, -0.2, 0.1, 0.45, 2, 40}) {
            assertEquals(NifFiniteVolume.bernoulli(-x), NifFiniteVolume.bernoulli(x) + x, 1e-14 * (1 + Math.abs(x)));
        }
        assertEquals(0.0, NifFiniteVolume.bernoulli(800), 0.0);
        assertEquals(800.0, NifFiniteVolume.bernoulli(-800), 0.0);
    }
    @Test
    void itsDerivativeMatchesACentralDifferenceOfTheReferenceOnBothSidesOfTheSeriesSwitch() {
        for (double x = -40; x <= 40; x += 0.0625 * Math.PI) {
            double h = 1e-4;
            double expected = (reference(x + h) - reference(x - h)) / (2 * h);
            // The central difference's own error is h^2 |B'''| / 6, below 1e-9 here.
            assertEquals(expected, NifFiniteVolume.bernoulliDerivative(x), 1e-9, "x = " + x);
        }
        assertEquals(-0.5, NifFiniteVolume.bernoulliDerivative(0.0), 0.0);
        assertEquals(-1.0, NifFiniteVolume.bernoulliDerivative(-800), 1e-15);
        assertEquals(0.0, NifFiniteVolume.bernoulliDerivative(800), 1e-300);
    }
}
