package meanfield.solvers.nif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import meanfield.grids.CellAverages;
import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InvalidModelException;
import meanfield.solvers.model.SynapticKernel;

/**
 * J = C r on the label grid: a self-coupling delta is diagonal and exact, a shifted measure converges
 * at the order of its interpolation (2 for the finite volumes, 6 for six-point Lagrange), and rows are
 * the receiving labels for functions and measures alike.
 */
class LabelCouplingTest {
    /** A smooth rate that is not periodic in xi (r(0) != r(1)), as a network's rate need not be. */
    private static final DoubleUnaryOperator RATE = x -> 1 + x + 0.5 * Math.sin(5 * x);
    private static final DoubleUnaryOperator WEIGHT = xi -> 0.5 - 0.3 * Math.cos(2 * Math.PI * xi);
    /** A shift that wraps around the label circle and moves each target by a different fraction of a cell. */
    private static final DoubleUnaryOperator MAP = xi -> xi + 0.3 + 0.05 * Math.sin(2 * Math.PI * xi);

    private static SynapticKernel.Measure delta(DoubleUnaryOperator weight, DoubleUnaryOperator map) {
        return new SynapticKernel.Measure(List.of(new SynapticKernel.Atom(weight, map)));
    }

    private static double[] apply(double[] c, double[] r) {
        int nl = r.length;
        double[] j = new double[nl];
        for (int k = 0; k < nl; k++) {
            for (int l = 0; l < nl; l++) {
                j[k] += c[k * nl + l] * r[l];
            }
        }
        return j;
    }

    private static double[] ratesAtCentres(UniformGrid labels) {
        double[] r = new double[labels.cells()];
        for (int l = 0; l < r.length; l++) {
            r[l] = RATE.applyAsDouble(labels.center(l));
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 10, 64})
    void aSelfCouplingDeltaIsDiagonalAndGivesJEqualToAR(int cells) {
        UniformGrid labels = UniformGrid.unitInterval(cells);
        SynapticKernel.Measure self = delta(xi -> 0.5 + xi, xi -> xi);
        for (double[] c : List.of(LabelCoupling.finiteVolume(self, labels), LabelCoupling.pointwise(self, labels, 6))) {
            for (int k = 0; k < cells; k++) {
                for (int l = 0; l < cells; l++) {
                    assertEquals(k == l ? 0.5 + labels.center(k) : 0.0, c[k * cells + l], 0.0, "entry " + k + ", " + l);
                }
            }
            double[] r = ratesAtCentres(labels);
            double[] j = apply(c, r);
            for (int k = 0; k < cells; k++) {
                assertEquals((0.5 + labels.center(k)) * r[k], j[k], 0.0, "J at label " + k);
            }
        }
    }

    /** max over labels of |J_k - a(xi_k) r(T(xi_k) mod 1)| on M cells. */
    private static double shiftedError(int cells, boolean finiteVolume) {
        UniformGrid labels = UniformGrid.unitInterval(cells);
        SynapticKernel.Measure shifted = delta(WEIGHT, MAP);
        double[] c = finiteVolume ? LabelCoupling.finiteVolume(shifted, labels) : LabelCoupling.pointwise(shifted, labels, 6);
        double[] j = apply(c, ratesAtCentres(labels));
        double max = 0;
        for (int k = 0; k < cells; k++) {
            double xi = labels.center(k);
            double target = MAP.applyAsDouble(xi) % 1.0;
            max = Math.max(max, Math.abs(j[k] - WEIGHT.applyAsDouble(xi) * RATE.applyAsDouble(target)));
        }
        return max;
    }

    private static double[] orders(int[] cells, boolean finiteVolume) {
        double[] error = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            error[i] = shiftedError(cells[i], finiteVolume);
        }
        double[] order = new double[cells.length - 1];
        for (int i = 1; i < cells.length; i++) {
            order[i - 1] = Math.log(error[i - 1] / error[i]) / Math.log((double) cells[i] / cells[i - 1]);
        }
        return order;
    }

    @Test
    void aShiftedMeasureConvergesAtSecondOrderInTheFiniteVolumeCoupling() {
        double[] order = orders(new int[] {16, 32, 64, 128, 256}, true);
        for (double p : order) {
            assertEquals(2.0, p, 0.25, java.util.Arrays.toString(order));
        }
    }

    @Test
    void aShiftedMeasureConvergesAtSixthOrderInThePointwiseCouplingWithSixPoints() {
        double[] order = orders(new int[] {16, 32, 64, 128}, false);
        for (double p : order) {
            assertEquals(6.0, p, 0.6, java.util.Arrays.toString(order));
        }
    }

    @Test
    void anAsymmetricFunctionKernelKeepsRowsAsTheReceivingLabels() {
        int cells = 8;
        UniformGrid labels = UniformGrid.unitInterval(cells);
        DoubleBinaryOperator w = (xi, zeta) -> 0.2 + xi * zeta * zeta + 0.5 * Math.sin(2 * Math.PI * (xi - zeta));
        SynapticKernel kernel = new SynapticKernel.Function(w);
        double[] averages = CellAverages.of(w, labels, labels, 3);
        double[] fv = LabelCoupling.finiteVolume(kernel, labels);
        double[] pointwise = LabelCoupling.pointwise(kernel, labels, 6);
        for (int k = 0; k < cells; k++) {
            for (int l = 0; l < cells; l++) {
                assertEquals(averages[k * cells + l] / cells, fv[k * cells + l], 1e-15);
                assertEquals(w.applyAsDouble(labels.center(k), labels.center(l)) / cells, pointwise[k * cells + l], 1e-15);
            }
        }
        // The kernel tells rows from columns: (k, l) = (1, 6) and (6, 1) differ.
        assertTrue(Math.abs(pointwise[cells + 6] - pointwise[6 * cells + 1]) > 1e-2);
        assertTrue(Math.abs(fv[cells + 6] - fv[6 * cells + 1]) > 1e-2);
    }

    @Test
    void aMeasureCouplesTheReceivingRowToTheColumnOfItsTarget() {
        int cells = 5;
        UniformGrid labels = UniformGrid.unitInterval(cells);
        // Every label listens to the label at 0.7, the centre of cell 3: only column 3 is coupled.
        SynapticKernel.Measure listen = delta(xi -> 2 + xi, xi -> 1.7);
        for (double[] c : List.of(LabelCoupling.finiteVolume(listen, labels), LabelCoupling.pointwise(listen, labels, 4))) {
            for (int k = 0; k < cells; k++) {
                for (int l = 0; l < cells; l++) {
                    assertEquals(l == 3 ? 2 + labels.center(k) : 0.0, c[k * cells + l], 1e-12, k + ", " + l);
                }
            }
        }
    }

    @Test
    void targetsBeyondTheLastCentreAreExtrapolatedFromInsideNotWrapped() {
        // r linear in xi is reproduced exactly by any stencil of two points or more, also past the end
        // centres: a stencil wrapping round the circle would mix r(0.95) with r(0.05).
        int cells = 10;
        UniformGrid labels = UniformGrid.unitInterval(cells);
        SynapticKernel.Measure ends = new SynapticKernel.Measure(List.of(new SynapticKernel.Atom(xi -> 1, xi -> 0.01),
                new SynapticKernel.Atom(xi -> 1, xi -> -0.02)));
        double[] r = new double[cells];
        for (int l = 0; l < cells; l++) {
            r[l] = 3 - 2 * labels.center(l);
        }
        for (double[] c : List.of(LabelCoupling.finiteVolume(ends, labels), LabelCoupling.pointwise(ends, labels, 6))) {
            double[] j = apply(c, r);
            assertEquals((3 - 2 * 0.01) + (3 - 2 * 0.98), j[4], 1e-12);
        }
    }

    @Test
    void aCellAveragedKernelIsTheSameMatrixForBothAndMustFitTheGrid() {
        SynapticKernel.CellAveraged kernel = new SynapticKernel.CellAveraged(2, new double[] {1, 2, 3, 4});
        UniformGrid labels = UniformGrid.unitInterval(2);
        double[] expected = {0.5, 1, 1.5, 2};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(LabelCoupling.finiteVolume(kernel, labels)));
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(LabelCoupling.pointwise(kernel, labels, 6)));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> LabelCoupling.finiteVolume(kernel, UniformGrid.unitInterval(3)));
        assertEquals(InvalidModelException.Part.KERNEL, e.part());
        assertTrue(e.getMessage().contains("given on 2 label cells but the label grid has 3"), e.getMessage());
    }

    @Test
    void aMeasureWithAWeightOrMapThatIsNotFiniteIsRefusedNamingTheAtomAndTheLabel() {
        UniformGrid labels = UniformGrid.unitInterval(4);
        SynapticKernel.Measure weight = new SynapticKernel.Measure(List.of(new SynapticKernel.Atom(xi -> 1, xi -> xi),
                new SynapticKernel.Atom(xi -> 1 / (xi - 0.375), xi -> xi)));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> LabelCoupling.finiteVolume(weight, labels));
        assertEquals(InvalidModelException.Part.KERNEL, e.part());
        assertTrue(e.getMessage().startsWith("measure[1]: the weight a(xi) = Infinity is not finite at xi = 0.375"),
                e.getMessage());
        SynapticKernel.Measure map = delta(xi -> 1, xi -> Math.log(xi - 0.5));
        e = assertThrows(InvalidModelException.class, () -> LabelCoupling.pointwise(map, labels, 6));
        assertTrue(e.getMessage().startsWith("measure[0]: the map T(xi) = NaN is not finite at xi = 0.125"),
                e.getMessage());
    }
}
