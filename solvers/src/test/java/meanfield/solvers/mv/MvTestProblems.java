package meanfield.solvers.mv;

import meanfield.solvers.catalogue.PublicProblems;

import meanfield.grids.fourier.FourierTransform;
import meanfield.grids.fourier.PeriodicGrid;
import meanfield.solvers.time.TimeControl;

/** P4 of MODEL.md and the helpers the MV tests share. */
final class MvTestProblems {
    private MvTestProblems() {
    }

    /** P4 mv-1d: Kf(x) = -sin(2 pi x), sigma = 0.02, f0 = 1 + 0.2 cos(2 pi x). Horizon 5. */
    static MvModel p4() {
        return PublicProblems.mv1d().model();
    }

    /**
     * A genuinely 2D attraction: Kf = grad(cos 2 pi x cos 2 pi y) / (2 pi), whose coefficients at
     * k = (1, 1) are Kfhat = (i/4, i/4), so mode (1, 1) grows at pi - 8 pi^2 sigma.
     */
    static MvModel attraction2d(double sigma, TorusFunction initial) {
        return PublicProblems.attraction2d(sigma, initial);
    }

    static TimeControl fixed(double end, double outputEvery, double dt) {
        return new TimeControl(end, outputEvery, dt, 1.0);
    }

    /** The solver's default stepping: no fixed step, so adaptive Lawson RK4 at the default tolerance. */
    static TimeControl defaultStepping(double end, double outputEvery) {
        return new TimeControl(end, outputEvery, Double.NaN, PublicProblems.MV_TOLERANCE);
    }

    static MvSolution solve(MvModel model, int dimension, int n, TimeControl control) {
        return solve(model, dimension, n, control, 1);
    }

    static MvSolution solve(MvModel model, int dimension, int n, TimeControl control, int threads) {
        MvSolution s = new MvSolver(model, new PeriodicGrid(dimension, n), control).solve(threads, t -> {
        });
        if (s.failure().isPresent()) {
            throw new AssertionError(s.failure().get());
        }
        return s;
    }

    static double[] last(MvSolution s) {
        return s.density(s.outputCount() - 1);
    }

    /** 2 |fhat_c|: the amplitude of the real wave carried by coefficient c of rho. */
    static double amplitude(PeriodicGrid grid, double[] rho, int c) {
        FourierTransform t = new FourierTransform(grid);
        double[] spectrum = new double[t.spectrumLength()];
        t.forward(rho, spectrum);
        return 2 * Math.hypot(spectrum[2 * c], spectrum[2 * c + 1]);
    }

    /** Least-squares slope of log(amplitude) against t over the outputs: the observed growth rate. */
    static double growthRate(MvSolution s, int coefficient) {
        int m = s.outputCount();
        double st = 0;
        double sl = 0;
        double stt = 0;
        double stl = 0;
        for (int o = 0; o < m; o++) {
            double t = s.time(o);
            double l = Math.log(amplitude(s.grid(), s.density(o), coefficient));
            st += t;
            sl += l;
            stt += t * t;
            stl += t * l;
        }
        return (m * stl - st * sl) / (m * stt - st * st);
    }

    static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
