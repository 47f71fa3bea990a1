package meanfield.validation.study;

/**
 * Masses on fine equal bins of T^d summed onto coarse bins, factor fine bins per coarse bin along
 * each axis ([bin..., component], the first axis slowest): a fine histogram gives the coarse one
 * exactly, since floor(x F)/r = floor(x F/r) for F = r x coarse bins.
 */
public final class TorusCoarsening {
    private TorusCoarsening() {
    }

    public static double[] coarsen(double[] fine, int dimension, int fineBins, int factor, int components) {
        if (fineBins % factor != 0) {
            throw new IllegalArgumentException(fineBins + " fine bins are not a multiple of " + factor);
        }
        int coarseBins = fineBins / factor;
        double[] coarse = new double[(int) Math.pow(coarseBins, dimension) * components];
        int cells = fine.length / components;
        for (int c = 0; c < cells; c++) {
            int rest = c;
            int index = 0;
            int scale = 1;
            for (int a = dimension - 1; a >= 0; a--) {
                index += (rest % fineBins) / factor * scale;
                rest /= fineBins;
                scale *= coarseBins;
            }
            for (int k = 0; k < components; k++) {
                coarse[index * components + k] += fine[c * components + k];
            }
        }
        return coarse;
    }
}
