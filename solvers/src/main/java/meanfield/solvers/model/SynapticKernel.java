package meanfield.solvers.model;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The limit kernel w(xi, zeta): the input that label xi receives from label zeta
 * (MODEL.md 1.2). Given as a function, already averaged over the cells of a label grid, or as a
 * measure in zeta (a sum of deltas, the limit of sparse networks).
 */
public sealed interface SynapticKernel permits SynapticKernel.Function, SynapticKernel.CellAveraged,
        SynapticKernel.Measure {

    /** w as a function of (xi, zeta); must be safe to call from several threads. */
    record Function(java.util.function.DoubleBinaryOperator w) implements SynapticKernel {
    }

    /**
     * Cell averages w_kl over label cells k (receiving) and l (sending) of a grid of
     * {@code cells} cells, row-major: values[k * cells + l].
     */
    record CellAveraged(int cells, double[] values) implements SynapticKernel {
        public CellAveraged {
            if (values.length != cells * cells) {
                throw new InvalidModelException(InvalidModelException.Part.KERNEL, "a kernel on " + cells + " label cells needs "
                        + cells * cells + " values, got " + values.length);
            }
        }

        public double value(int k, int l) {
            return values[k * cells + l];
        }
    }

    /**
     * w(xi, d zeta) = sum_k a_k(xi) delta(zeta - T_k(xi)): label xi receives a_k(xi) r(T_k(xi)) from
     * each atom, so J(t, xi) = sum_k a_k(xi) r(t, T_k(xi)). The maps are taken mod 1 here
     * ({@link #target}), so a map may leave [0, 1) as a shift on the label circle does. Such a kernel
     * has no value at a pair of labels and no cell averages of bounded size: only what is built
     * for it (the label coupling, the nearest-labels network) accepts it.
     */
    record Measure(List<Atom> atoms) implements SynapticKernel {
        public Measure {
            if (atoms.isEmpty()) {
                throw new InvalidModelException(InvalidModelException.Part.KERNEL, "a measure kernel needs at least one atom");
            }
            atoms = List.copyOf(atoms);
        }

        /**
         * T_k(xi) mod 1, in [0, 1); NaN when T_k(xi) is not finite. A map just below an integer
         * would round to 1 after subtracting its floor: that is the label 0 of the circle.
         */
        public double target(int k, double xi) {
            double t = atoms.get(k).map().applyAsDouble(xi);
            if (!Double.isFinite(t)) {
                return Double.NaN;
            }
            double z = t - Math.floor(t);
            return z < 1 ? z : 0.0;
        }

        /** a_k(xi). */
        public double weight(int k, double xi) {
            return atoms.get(k).weight().applyAsDouble(xi);
        }

        public int size() {
            return atoms.size();
        }
    }

    /** One delta of a measure kernel: weight a(xi) at zeta = T(xi); both safe to call from several threads. */
    record Atom(DoubleUnaryOperator weight, DoubleUnaryOperator map) {
    }
}
