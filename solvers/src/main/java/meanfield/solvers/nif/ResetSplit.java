package meanfield.solvers.nif;

import meanfield.grids.UniformGrid;
import meanfield.solvers.model.InvalidModelException;

/**
 * Where the re-injected flux delta(v - v_R) r lands: split between the two cells whose
 * centres bracket v_R with linear weights, which keeps its mass and its first moment exact
 * (all in one cell when v_R is a centre, half and half when it is a face).
 */
record ResetSplit(int lowCell, double lowWeight, int highCell, double highWeight) {

    static ResetSplit of(UniformGrid v, double reset) {
        if (!(reset >= v.min() && reset <= v.max())) {
            throw new InvalidModelException(InvalidModelException.Part.RESET, "the reset " + reset + " lies outside the v domain " + v);
        }
        double position = (reset - v.min()) / v.h() - 0.5;
        if (position <= 0) {
            return new ResetSplit(0, 1.0, 0, 0.0);
        }
        if (position >= v.cells() - 1) {
            return new ResetSplit(v.cells() - 1, 1.0, v.cells() - 1, 0.0);
        }
        int low = (int) Math.floor(position);
        double high = position - low;
        return new ResetSplit(low, 1.0 - high, low + 1, high);
    }
}
