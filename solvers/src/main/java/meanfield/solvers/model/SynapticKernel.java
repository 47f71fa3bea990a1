package meanfield.solvers.model;

/**
 * The limit kernel w(xi, zeta): the input that label xi receives from label zeta
 * (MODEL.md 1.2). Given as a function, or already averaged over the cells of a label grid.
 */
public sealed interface SynapticKernel permits SynapticKernel.Function, SynapticKernel.CellAveraged {

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
}
