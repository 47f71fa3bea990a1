package meanfield.solvers.nif;

import meanfield.grids.LobattoElements;
import meanfield.grids.UniformGrid;
import meanfield.solvers.RunRecord;
import meanfield.solvers.model.NifModel;
import meanfield.solvers.parallel.ColumnPool;
import meanfield.solvers.run.RecordedRun;
import meanfield.solvers.time.TimeControl;

/** Runs of the NIF spectral solver for the tests, with the breakpoints given. */
final class SpectralRuns extends RunRecord {
    private SpectralRuns(RecordedRun run) {
        super(run);
    }

    static SpectralRuns solve(NifModel model, double[] breaks, int degree, int labels, TimeControl control) {
        return solve(model, breaks, degree, labels, control, 1);
    }

    static SpectralRuns solve(NifModel model, double[] breaks, int degree, int labels, TimeControl control,
            int threads) {
        try (ColumnPool pool = new ColumnPool(threads)) {
            NifSpectral system = new NifSpectral(model, new LobattoElements(breaks, degree),
                    UniformGrid.unitInterval(labels), pool);
            return new SpectralRuns(RecordedRun.of(system, null, control, t -> {
            }));
        }
    }

    double[] rate(int output) {
        return result().get("rate", output);
    }

    double[] lastRate() {
        return rate(outputCount() - 1);
    }

    double[] density(int output) {
        return result().get("density", output);
    }
}
