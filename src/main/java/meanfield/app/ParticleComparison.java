package meanfield.app;

import java.util.Set;

import meanfield.app.problem.MvProblem;
import meanfield.app.problem.NifProblem;
import meanfield.app.problem.ParticleSettings;
import meanfield.app.problem.Problem;
import meanfield.app.problem.TopoProblem;
import meanfield.solvers.result.RecordedResult;
import meanfield.solvers.result.ResultLayout;
import meanfield.validation.study.BinnedDensityDistance;
import meanfield.validation.study.BinnedRateDistance;
import meanfield.validation.study.JointMassDistance;

/**
 * What a model brings to a particle-number study: its particle run (the job of simulate, on one
 * thread), the observable kept from it, the continuum variable it is compared with, and the distance
 * between the two (validation.study). Observables are flat arrays so that seeds can be averaged.
 */
abstract class ParticleComparison {
    /** A distance to one continuum solution, for the particle runs of one layout (one level). */
    interface Distance {
        /** The continuum's observable on the particle bins (and windows). */
        double[] continuum();

        double of(double[] particle);

        /** The distance to a fixed continuum observable by a metric (particle, continuum) -> distance. */
        static Distance to(double[] continuum, java.util.function.ToDoubleBiFunction<double[], double[]> metric) {
            return new Distance() {
                @Override
                public double[] continuum() {
                    return continuum;
                }

                @Override
                public double of(double[] particle) {
                    return metric.applyAsDouble(particle, continuum);
                }
            };
        }
    }

    protected final Problem problem;

    ParticleComparison(Problem problem) {
        this.problem = problem;
    }

    static ParticleComparison of(Problem problem) {
        if (problem.model() instanceof NifProblem) {
            return new Nif(problem);
        }
        if (problem.model() instanceof TopoProblem) {
            return new Topo(problem);
        }
        return new Mv(problem);
    }

    /** The particle run of N particles with this seed: what simulate runs, on one thread. */
    abstract ParticleJob job(int n, long seed);

    /** The particle variable kept, and whether only its last output is. */
    abstract String particleVariable();

    abstract boolean lastOnly();

    /** The continuum variable the observable is compared with (kept at the same outputs). */
    abstract String continuumVariable();

    /** The observable of one particle run, flat. */
    double[] observe(RecordedResult particles) {
        return particles.get(particleVariable(), particles.outputCount() - 1).clone();
    }

    abstract Distance distance(ResultLayout particles, RecordedResult continuum);

    /** How the distance is measured, for the table and summary.json. */
    abstract String description();

    /** A rough bound on the memory one run of N particles holds (state, histograms, and a network's weights). */
    long runBytes(int n) {
        return 64L * n;
    }

    /** A record that keeps only what the comparison needs of a particle run. */
    RecordedResult particleRecord() {
        return new RecordedResult(Set.of(particleVariable()), lastOnly());
    }

    private static double[] last(RecordedResult run, String name) {
        return run.get(name, run.outputCount() - 1);
    }

    /** NIF: binned firing rates over windows of time.output_every and particles.bins label bins, every window. */
    static final class Nif extends ParticleComparison {
        private final NifProblem nif;

        Nif(Problem problem) {
            super(problem);
            this.nif = (NifProblem) problem.model();
        }

        @Override
        ParticleJob job(int n, long seed) {
            return new NifParticles(nif, problem.particles(), n, seed, 1);
        }

        @Override
        String particleVariable() {
            return "rate";
        }

        @Override
        boolean lastOnly() {
            return false;
        }

        @Override
        String continuumVariable() {
            return "rate";
        }

        @Override
        double[] observe(RecordedResult particles) {
            int windows = particles.outputCount();
            int bins = particles.get("rate", 0).length;
            double[] flat = new double[windows * bins];
            for (int w = 0; w < windows; w++) {
                System.arraycopy(particles.get("rate", w), 0, flat, w * bins, bins);
            }
            return flat;
        }

        @Override
        Distance distance(ResultLayout particles, RecordedResult continuum) {
            double[][] rate = new double[continuum.outputCount()][];
            for (int o = 0; o < rate.length; o++) {
                rate[o] = continuum.get("rate", o);
            }
            BinnedRateDistance d = new BinnedRateDistance(particles.axis("window_edges").values(),
                    particles.axis("label_edges").values(), continuum.times(), continuum.layout().axis("xi").length());
            double[] binned = d.continuum(rate);
            return Distance.to(binned, d::distance);
        }

        @Override
        String description() {
            return "L1 over time and labels of the binned firing rates (windows of time.output_every x particles.bins"
                    + " label bins)";
        }

        /** The network ({@link ParticleSettings#networkBytes}) and the neurons' state. */
        @Override
        long runBytes(int n) {
            return (long) Math.min(Long.MAX_VALUE / 4.0, problem.particles().networkBytes(n) + 64.0 * n);
        }
    }

    /** TOPO: the joint (position bin, velocity node) masses at the last output. */
    static final class Topo extends ParticleComparison {
        private final TopoProblem topo;

        Topo(Problem problem) {
            super(problem);
            this.topo = (TopoProblem) problem.model();
        }

        @Override
        ParticleJob job(int n, long seed) {
            return new FieldParticles.Topo(topo, problem.particles(), n, seed);
        }

        @Override
        String particleVariable() {
            return "joint";
        }

        @Override
        boolean lastOnly() {
            return true;
        }

        @Override
        String continuumVariable() {
            return "density";
        }

        @Override
        Distance distance(ResultLayout particles, RecordedResult continuum) {
            JointMassDistance d = new JointMassDistance(continuum.layout().axis("x").values(),
                    topo.model().dimension(), particles.axis("x_edges").length() - 1,
                    particles.axis("velocity").length());
            double[] masses = d.continuum(last(continuum, "density"));
            return Distance.to(masses, d::distance);
        }

        @Override
        String description() {
            return "L1 of the joint (position bin, velocity node) masses at the last output";
        }
    }

    /** MV: the binned density at the last output. */
    static final class Mv extends ParticleComparison {
        private final MvProblem mv;

        Mv(Problem problem) {
            super(problem);
            this.mv = (MvProblem) problem.model();
        }

        @Override
        ParticleJob job(int n, long seed) {
            return new FieldParticles.Mv(mv, problem.particles(), n, seed, 1);
        }

        @Override
        String particleVariable() {
            return "position_hist";
        }

        @Override
        boolean lastOnly() {
            return true;
        }

        @Override
        String continuumVariable() {
            return "rho";
        }

        @Override
        Distance distance(ResultLayout particles, RecordedResult continuum) {
            BinnedDensityDistance d = new BinnedDensityDistance(continuum.layout().axis("x").values(),
                    mv.model().dimension(), particles.axis("x_edges").length() - 1);
            double[] masses = d.continuum(last(continuum, "rho"));
            return Distance.to(masses, d::distance);
        }

        @Override
        String description() {
            return "L1 of the binned density at the last output";
        }
    }
}
